import type { Summary } from '../../net/protocol.generated';
import { CaseApi } from '../../net/case-api';
import { HttpClient } from '../../net/http';
import { MeetingApi } from '../../net/meeting-api';
import { localeStore } from '../../state/locale-store';
import type { Proposal } from '../../state/meeting-room-model';
import { get, json, PATIENCE_MS } from '../../test-support/dom';
import './summary-editor';
import type { SummaryEditor } from './summary-editor';

/*
 * The summary editor with the real store, APIs and HttpClient; fetch plays the server (the
 * per-case route included, which a server without it would answer 404). Fake timers drive the
 * debounce of the privacy check.
 */

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let editor: SummaryEditor;

const proposal = (proposalId: string, targetActivity: string, description: string): Proposal => ({
  proposalId, seq: 1, targetActivity, type: 'market', description, keepsAbilities: '商品を自分で選ぶ',
  phase: 'proposals', author: null, endorsers: new Set(['a1', 'a2']), caseId: null,
});

function calls(path: string, method: string): RequestInit[] {
  return fetchMock.mock.calls.filter(([url, init]) => url === path && init?.method === method).map(([, init]) => init!);
}

function bodyOf(init: RequestInit): Record<string, unknown> {
  return JSON.parse(init.body as string) as Record<string, unknown>;
}

async function mount(options: { caseId?: string; summary?: Summary | null } = {}): Promise<void> {
  const http = new HttpClient('', undefined, () => 'tok-1');
  const meetings = new MeetingApi(http);
  const cases = new CaseApi(http);
  editor = document.createElement('yoriai-summary-editor');
  editor.api = { updateSummary: (...args) => meetings.updateSummary(...args), checkTexts: (...args) => cases.checkTexts(...args) };
  editor.meetingId = 'm1';
  editor.caseId = options.caseId;
  editor.summary = options.summary ?? null;
  editor.proposals = [proposal('p1', '買い物', '移動スーパーの利用'), proposal('p2', '調理', '配食サービス')];
  document.body.append(editor);
  await editor.updateComplete;
}

function typeInto(selector: string, value: string): void {
  const field = get<HTMLInputElement | HTMLTextAreaElement>(editor, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

async function click(selector: string): Promise<void> {
  get<HTMLElement>(editor, selector).click();
  await editor.updateComplete;
}

const meeting = { id: 'm1', title: '地域ケア会議', caseIds: ['c1'], hostId: 'h1', visibility: 'open', state: 'live', phase: 'summary', phaseEndsAt: null };

beforeEach(() => {
  vi.useFakeTimers();
  localeStore.set('ja');
  fetchMock = vi.fn<typeof fetch>(async () => json(200, { findings: [] }));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  editor?.remove();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('summary editor', () => {
  test('the host writes the direction, adopts a proposal by ticking it and adds issues with tags; blank rows are left out', async () => {
    fetchMock.mockImplementation(async (url, init) =>
      url === '/api/v1/meetings/m1/summary' && init?.method === 'PUT' ? json(200, meeting) : json(200, { findings: [] }));
    await mount();
    expect(get(editor, '#summary-heading').textContent).toBe('まとめ');
    expect(get(editor, 'label[for="adopt-p1"]').textContent).toContain('移動スーパーの利用');

    typeInto('#summary-direction', '買い物の楽しみを保ちながら移動を支える');
    await click('#adopt-p1');
    await click('#add-issue');
    expect(document.activeElement?.id).toBe('issue-0-text');
    typeInto('#issue-0-text', '坂の多い地区に移動販売が来ない');
    typeInto('#issue-0-tags', '買い物、 移動,');
    await click('#add-missing');
    typeInto('#missing-0', '移動販売');
    await click('#add-follow-up');
    await click('#add-follow-up');
    typeInto('#follow-up-1', '3か月後に再検討');
    await click('#summary-save');
    await vi.waitFor(() => expect(get(editor, '#summary-notice').textContent?.trim()).toBe('まとめを保存しました'), PATIENCE_MS);

    const put = calls('/api/v1/meetings/m1/summary', 'PUT');
    expect(put).toHaveLength(1);
    expect(bodyOf(put[0])).toEqual({
      direction: '買い物の楽しみを保ちながら移動を支える',
      adoptedProposalIds: ['p1'],
      regionalIssues: [{ text: '坂の多い地区に移動販売が来ない', tags: ['買い物', '移動'] }],
      missingResources: ['移動販売'],
      followUps: ['3か月後に再検討'],
    });
  });

  test('with a caseId the summary goes to that case of the agenda, starting from what was saved', async () => {
    fetchMock.mockImplementation(async (url, init) =>
      url === '/api/v1/meetings/m1/cases/c2/summary' && init?.method === 'PUT' ? json(200, meeting) : json(200, { findings: [] }));
    await mount({
      caseId: 'c2',
      summary: { direction: '配食で栄養を保つ', adoptedProposalIds: ['p2'], regionalIssues: [{ text: '配食の空白地', tags: ['食事', '配食'] }], missingResources: [], followUps: [] },
    });
    expect(get<HTMLTextAreaElement>(editor, '#summary-direction').value).toBe('配食で栄養を保つ');
    expect(get<HTMLInputElement>(editor, '#adopt-p2').checked).toBe(true);
    expect(get<HTMLInputElement>(editor, '#issue-0-tags').value).toBe('食事、配食');

    await click('#adopt-p1');
    await click('#summary-save');
    await vi.waitFor(() => expect(calls('/api/v1/meetings/m1/cases/c2/summary', 'PUT')).toHaveLength(1), PATIENCE_MS);
    expect(bodyOf(calls('/api/v1/meetings/m1/cases/c2/summary', 'PUT')[0])).toMatchObject({ adoptedProposalIds: ['p2', 'p1'] });
    expect(calls('/api/v1/meetings/m1/summary', 'PUT')).toHaveLength(0);
  });

  test('typing is checked 400 ms after the last keystroke and findings are highlighted as in the case editor', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url !== '/api/v1/privacy/check-texts') return json(404, {});
      const { texts } = bodyOf(init!) as { texts: Record<string, string> };
      const path = Object.keys(texts).find((p) => texts[p].includes('090'));
      return json(200, { findings: path === undefined ? [] : [{ field: path, start: 6, end: 19, kind: 'phone' }] });
    });
    await mount();
    await click('#add-follow-up');
    typeInto('#summary-direction', '見守りを続ける');
    typeInto('#follow-up-0', '長男に連絡 090-1234-5678 で');
    await vi.advanceTimersByTimeAsync(399);
    expect(calls('/api/v1/privacy/check-texts', 'POST')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(editor.querySelector('mark.pii')).not.toBeNull(), PATIENCE_MS);

    expect(bodyOf(calls('/api/v1/privacy/check-texts', 'POST')[0])).toEqual({
      texts: { direction: '見守りを続ける', 'followUps[0]': '長男に連絡 090-1234-5678 で' },
    });
    expect(get(editor, '.pii-mirror[data-field="followUps[0]"] mark.pii').textContent).toBe('090-1234-5678');
    expect(get(editor, '#follow-up-0').getAttribute('aria-describedby')).toBe('follow-up-0-pii');
    expect(get(editor, '#follow-up-0-pii').textContent).toContain('電話番号の可能性があります');
    expect(get(editor, '#summary-pii-summary').textContent).toContain('今後の対応 1');
  });

  test('a save the server refuses shows its findings on the typed text and keeps every text', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/meetings/m1/summary' && init?.method === 'PUT') {
        return json(422, {
          error: {
            code: 'pii_found', message: 'personal information',
            details: [
              { field: 'summary.regionalIssues[0].tags[1]', start: 0, end: 4, kind: 'person_name' },
              { field: 'summary.followUps[0]', start: 0, end: 4, kind: 'person_name' },
            ],
          },
        });
      }
      return json(200, { findings: [] });
    });
    await mount();
    typeInto('#summary-direction', '見守りを続ける');
    await click('#add-issue');
    typeInto('#issue-0-text', '見守りの担い手不足');
    typeInto('#issue-0-tags', '見守り、田中さん');
    await click('#add-follow-up');
    await click('#add-follow-up');
    typeInto('#follow-up-1', '山田さんに伝える');
    await click('#summary-save');
    await vi.waitFor(() => expect(editor.querySelectorAll('mark.pii')).toHaveLength(2), PATIENCE_MS);

    expect(get(editor, '#summary-notice').textContent).toContain('保存できません');
    expect(get(editor, '.pii-mirror[data-field="regionalIssues[0].tags"] mark.pii').textContent).toBe('田中さん');
    expect(get(editor, '.pii-mirror[data-field="followUps[1]"] mark.pii').textContent).toBe('山田さん');
    expect(get<HTMLTextAreaElement>(editor, '#summary-direction').value).toBe('見守りを続ける');
    expect(get<HTMLInputElement>(editor, '#follow-up-1').value).toBe('山田さんに伝える');
    expect(get(editor, '#summary-pii-summary').getAttribute('data-count')).toBe('2');
  });

  test('saving without a direction asks for one and calls nothing', async () => {
    await mount();
    await click('#summary-save');
    expect(get(editor, '#summary-notice').textContent?.trim()).toBe('支援の方向性を入力してください');
    expect(calls('/api/v1/meetings/m1/summary', 'PUT')).toHaveLength(0);
  });
});
