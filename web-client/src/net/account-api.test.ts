import { json } from '../test-support/dom';
import { AccountApi, weakPassword } from './account-api';
import { HttpClient } from './http';

describe('AccountApi', () => {
  test('an account without a state reads as active, or disabled when it has disabledAt', async () => {
    const user = { email: 'a@b.jp', displayName: 'A', role: 'company', organization: { name: 'X', kind: 'company', prefecture: '群馬県' } };
    const fetchFn = vi.fn<typeof fetch>(async () => json(200, { accounts: [
      { ...user, id: 'a1' }, { ...user, id: 'a2', disabledAt: '2026-12-01T00:00:00Z' }, { ...user, id: 'a3', state: 'pending', createdAt: '2026-12-02T01:00:00Z' },
    ] }));
    const api = new AccountApi(new HttpClient('', fetchFn, () => 'tok'));

    const accounts = await api.accounts('pending');

    expect(accounts.map((a) => a.state)).toEqual(['active', 'disabled', 'pending']);
    expect(accounts[2].createdAt).toBe('2026-12-02T01:00:00Z');
    expect(fetchFn.mock.calls[0][0]).toBe('/api/v1/accounts?state=pending');
    expect((fetchFn.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  test('a weak_password detail gives its reason in both languages', () => {
    expect(weakPassword([{ field: 'password', problem: 'Too short.', problemJa: '短すぎます。' }])).toEqual({ problem: 'Too short.', problemJa: '短すぎます。' });
    expect(weakPassword([])).toBeNull();
  });
});
