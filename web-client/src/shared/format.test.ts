import { localeStore } from '../state/locale-store';
import { errorText } from './format';

/* 「時間をおいて再度お試しください」 only where waiting can help; a refusal says it was refused. */

const failure = (status: number, code = 'x', message = 'm') => ({ status, code, message });

beforeEach(() => localeStore.set('ja'));

describe('errorText', () => {
  test('network failures, 5xx and 429 ask to try again later', () => {
    expect(errorText(failure(0, 'network_error'))).toBe('サーバーに接続できませんでした。通信環境をご確認ください');
    expect(errorText(failure(503, 'storage_unavailable'))).toBe('処理できませんでした。時間をおいて再度お試しください');
    expect(errorText(failure(429, 'rate_limited'))).toBe('処理できませんでした。時間をおいて再度お試しください');
  });

  test('a 409 says the current state does not allow it, other refusals say they were refused', () => {
    expect(errorText(failure(409, 'invalid_state'))).toBe('今の状態ではこの操作はできません。ページを再読み込みして状態を確かめてください');
    expect(errorText(failure(413, 'text_too_long', 'too long'))).toBe('この操作は受け付けられませんでした（too long）');
    expect(errorText(failure(404, 'not_found'))).toBe('見つかりませんでした');
  });
});
