import type { User } from '../net/protocol';
import { localeStore } from '../state/locale-store';
import { companyUser, mountApp } from '../test-support/app';
import { get, json, waitFor } from '../test-support/dom';
import type { YoriaiApp } from './yoriai-app';

/* The signed-in shell: nav bar and hash routes, with fetch stubbed to play the server. */

const mayor: User = {
  id: 'u-m',
  email: 'staff@example.jp',
  displayName: '高橋 司',
  role: 'municipality',
  organization: { name: '高崎市', kind: 'municipality', prefecture: '群馬県' },
};

let app: YoriaiApp;
let me: User = mayor;
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

async function mountSignedIn(hash: string): Promise<void> {
  app = await mountApp(hash, 'tok-1');
}

beforeEach(() => {
  localeStore.set('ja');
  me = mayor;
  fetchMock = vi.fn<typeof fetch>(async (url, init) => {
    const path = String(url);
    if (path === '/api/v1/auth/me') return json(200, me);
    if (path.startsWith('/api/v1/cases')) return json(200, [{ id: 'c1', state: 'submitted', title: '独居の女性の買い物' }]);
    if (path === '/api/v1/meetings' && init?.method === 'POST') {
      return json(201, { id: 'm9', hostId: mayor.id, state: 'scheduled', phase: null, phaseEndsAt: null, ...JSON.parse(String(init.body)) });
    }
    if (path.startsWith('/api/v1/meetings/m9')) {
      return json(200, { id: 'm9', title: '買い物支援を考える会', hostId: mayor.id, caseIds: ['c1'], visibility: 'open', state: 'scheduled', phase: null, phaseEndsAt: null });
    }
    if (path.startsWith('/api/v1/meetings')) return json(200, { meetings: [] });
    return json(404, { error: { code: 'not_found', message: '' } });
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  app?.remove();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

describe('signed-in navigation', () => {
  test('the home route keeps the account summary and adds the nav bar', async () => {
    await mountSignedIn('#/');
    expect(get(app, '#current-user-name').textContent).toBe('高橋 司');
    expect(get(app, '#nav-cases').textContent?.trim()).toBe('事例');
    expect(get(app, '#nav-home').getAttribute('aria-current')).toBe('page');
  });

  test('#/cases lists the organization’s cases with their state and a new-case button', async () => {
    await mountSignedIn('#/cases');
    const item = await waitFor(() => app.querySelector('#case-list li'));
    expect(item.textContent).toContain('独居の女性の買い物');
    expect(item.textContent).toContain('提出済み');
    expect(get(app, '#new-case').getAttribute('href')).toBe('/#/cases/new');
    expect(get(app, '#nav-cases').getAttribute('aria-current')).toBe('page');
  });

  test('following the hash to #/meetings/new shows the create form with submitted cases to pick', async () => {
    await mountSignedIn('#/meetings');
    await waitFor(() => app.querySelector('#meeting-list'));
    expect(get(app, '#new-meeting').getAttribute('href')).toBe('/#/meetings/new');

    window.location.hash = '#/meetings/new';
    const checkbox = await waitFor(() => app.querySelector<HTMLInputElement>('#meeting-cases input[type="checkbox"]'));
    expect(checkbox.value).toBe('c1');
    expect(checkbox.checked).toBe(false);
    expect(get<HTMLInputElement>(app, '#meeting-minutes-presentation').value).toBe('5');
    expect(get<HTMLInputElement>(app, '#meeting-minutes-advice').value).toBe('15');
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/v1/cases?state=submitted')).toBe(true);
  });

  test('creating a meeting from a case (#/meetings/new?case=) starts with it ticked, posts the §7 body and opens its room', async () => {
    await mountSignedIn('#/meetings/new?case=c1');
    await waitFor(() => app.querySelector<HTMLInputElement>('#meeting-cases input[value="c1"]')?.checked);
    get<HTMLInputElement>(app, '#meeting-title').value = '買い物支援を考える会';
    get<HTMLInputElement>(app, '#meeting-visibility-invite').checked = true;
    get<HTMLInputElement>(app, '#meeting-starts-at').value = '2026-12-01T10:00';
    get<HTMLButtonElement>(app, '#meeting-create-submit').click();

    await waitFor(() => window.location.hash === '#/meetings/m9');
    const init = fetchMock.mock.calls.find(([url, i]) => url === '/api/v1/meetings' && i?.method === 'POST')?.[1];
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    expect(body).toMatchObject({
      title: '買い物支援を考える会',
      caseIds: ['c1'],
      visibility: 'invite',
      phaseMinutes: { presentation: 5, questions: 5, advice: 15, proposals: 5, summary: 5 },
    });
    expect(body.startsAt).toMatch(/^2026-12-01T10:00:00[+-]\d\d:\d\d$/);
    await waitFor(() => app.querySelector('#room-heading')?.textContent?.includes('買い物支援を考える会'));
    expect(get(app, '#connection-state')).toBeTruthy();
  });
});

describe('the menu and the pages follow the role', () => {
  const therapist: User = { ...mayor, id: 'u-p', role: 'professional', profession: '理学療法士' };
  const admin: User = { ...mayor, id: 'u-a', role: 'admin' };
  const menu = () => [...app.querySelectorAll('.app-nav__link')].map((link) => link.id);

  test('a municipality has every entry', async () => {
    await mountSignedIn('#/');
    expect(menu()).toEqual(['nav-home', 'nav-cases', 'nav-meetings', 'nav-calendar', 'nav-archive', 'nav-catalog', 'nav-insight']);
  });

  test.each([
    ['a professional', therapist],
    ['a company', companyUser],
  ])('%s has no 事例 entry', async (_who, user) => {
    me = user;
    await mountSignedIn('#/');
    expect(menu()).toEqual(['nav-home', 'nav-meetings', 'nav-calendar', 'nav-archive', 'nav-catalog', 'nav-insight']);
  });

  test('an admin has no 事例 entry but the admin console (管理)', async () => {
    me = admin;
    await mountSignedIn('#/');
    expect(menu()).toEqual(['nav-home', 'nav-meetings', 'nav-calendar', 'nav-archive', 'nav-catalog', 'nav-insight', 'nav-admin']);
    expect(get(app, '#nav-admin').textContent?.trim()).toBe('管理');
  });

  test('a municipality who follows a link to the admin console gets an honest page and loads no accounts', async () => {
    await mountSignedIn('#/admin/accounts');
    expect(get(app, '#not-for-role-heading').textContent?.trim()).toBe('このページは管理者のアカウントで使えます');
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/v1/accounts'))).toBe(false);
  });

  test('a signed-out visitor has the public entries and the way in', async () => {
    app = await mountApp('#/');
    expect(menu()).toEqual(['nav-calendar', 'nav-archive', 'nav-catalog', 'nav-insight', 'nav-login']);
  });

  test('a professional who follows a link to a new case gets an honest page, and no case is loaded', async () => {
    me = therapist;
    await mountSignedIn('#/cases/new');
    expect(get(app, '#not-for-role-heading').textContent?.trim()).toBe('このページは自治体のアカウントで使えます');
    expect(get(app, '#not-for-role').textContent).toContain('専門職のアカウントでは');
    expect(get(app, '#not-for-role-home').getAttribute('href')).toBe('/#/');
    expect(app.querySelector('yoriai-case-editor')).toBeNull();

    window.location.hash = '#/cases/c1';
    await waitFor(() => app.querySelector('#not-for-role'));
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/v1/cases/'))).toBe(false);
  });

  test('a company is told who creates meetings; a municipality who registers services', async () => {
    me = companyUser;
    await mountSignedIn('#/meetings/new');
    expect(get(app, '#not-for-role-heading').textContent?.trim()).toBe('このページは自治体・管理者のアカウントで使えます');
    app.remove();

    me = mayor;
    await mountSignedIn('#/catalog/new');
    expect(get(app, '#not-for-role-heading').textContent?.trim()).toBe('このページは企業のアカウントで使えます');
  });
});
