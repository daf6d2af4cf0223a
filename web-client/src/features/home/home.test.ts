import type { YoriaiApp } from '../../app/yoriai-app';
import type { User } from '../../net/protocol';
import { localeStore } from '../../state/locale-store';
import { companyUser, mountApp } from '../../test-support/app';
import { get, json, waitFor } from '../../test-support/dom';

/* The home page for each sign-in state and role, in the real shell with fetch playing the server. */

const host: User = {
  id: 'u-m', email: 'staff@example.jp', displayName: '高橋 司', role: 'municipality',
  organization: { name: '高崎市', kind: 'municipality', prefecture: '群馬県' },
};
const therapist: User = {
  id: 'u-p', email: 'pt@example.jp', displayName: '鈴木 理恵', role: 'professional', profession: '理学療法士',
  organization: { name: '高崎市地域包括支援センター', kind: 'support_center', prefecture: '群馬県' },
};
const admin: User = {
  id: 'u-a', email: 'admin@example.jp', displayName: '管理 太郎', role: 'admin',
  organization: { name: '寄り合い運営', kind: 'other', prefecture: '東京都' },
};

const meeting = (id: string, extra: Record<string, unknown>) => ({
  id, title: `会議${id}`, hostId: host.id, caseIds: ['c1'], visibility: 'open', state: 'scheduled', phase: null,
  phaseEndsAt: null, startsAt: '2026-12-10T10:00:00+09:00', ...extra,
});

let app: YoriaiApp;
let me: User | null;

beforeEach(() => {
  localeStore.set('ja');
  me = null;
  vi.stubGlobal('fetch', vi.fn<typeof fetch>(async (url) => {
    const path = String(url);
    if (path === '/api/v1/auth/me') return me ? json(200, me) : json(401, { error: { code: 'unauthenticated', message: '' } });
    if (path.startsWith('/api/v1/archive/search')) {
      return json(200, { total: 1, page: 1, size: 5, facets: {}, hits: [
        { id: 'e1', title: '独居の女性の買い物', snippet: '', prefecture: '群馬県', careLevel: '要支援2', household: '独居', publishedAt: '2026-11-30T01:00:00Z' },
      ] });
    }
    if (path.startsWith('/api/v1/meetings/upcoming')) {
      return json(200, { meetings: [{ id: 'm1', title: '買い物支援を考える会', startsAt: '2026-12-10T10:00:00+09:00', visibility: 'open', state: 'scheduled', caseCount: 2 }] });
    }
    if (path === '/api/v1/cases') {
      return json(200, { cases: [
        { id: 'c1', state: 'discussed', title: '会議済みの事例' },
        { id: 'c2', state: 'draft', title: '書きかけの事例' },
        { id: 'c3', state: 'published', title: '公開済みの事例' },
      ] });
    }
    if (path === '/api/v1/meetings?when=upcoming') return json(200, { meetings: [meeting('m2', { title: '来週の会議' }), meeting('m5', { hostId: 'someone', title: '他の会議' })] });
    if (path === '/api/v1/meetings?when=past') {
      return json(200, { meetings: [
        meeting('m3', { title: 'まとめ待ちの会議', state: 'closed', summaries: {} }),
        meeting('m4', { title: '公開待ちの会議', state: 'closed', summaries: { c1: { direction: '続ける' } } }),
        meeting('m6', { title: '公開済みの会議', state: 'closed', caseIds: ['c3'], summaries: { c3: { direction: '続ける' } } }),
      ] });
    }
    if (path === '/api/v1/catalog/services/mine') {
      return json(200, { services: [{ id: 's1', name: '移動スーパーたかさき', category: '移動販売', proposedCount: 3, adoptedCount: 1, areas: [] }] });
    }
    return json(404, { error: { code: 'not_found', message: '' } });
  }));
});

afterEach(() => {
  app?.remove();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

async function signedInAs(user: User, hash = '#/'): Promise<void> {
  me = user;
  app = await mountApp(hash, 'tok-1');
}

describe('signed out', () => {
  test('the home page says what Yoriai is, offers the sign-in, and lists published cases and open meetings', async () => {
    app = await mountApp('#/');

    expect(get(app, '#home-heading').textContent).toContain('地域ケア会議をオンラインで');
    expect(get(app, '#home-about').textContent).toContain('匿名化');
    expect(get(app, '#login-email')).toBeTruthy();
    const hit = await waitFor(() => app.querySelector('#home-case-list .archive-hit'));
    expect(hit.textContent).toContain('独居の女性の買い物');
    const open = await waitFor(() => app.querySelector('#home-meeting-list .home-meeting'));
    expect(open.textContent).toContain('買い物支援を考える会');
    expect(open.textContent).toContain('事例2件');
    expect(open.querySelector('a')?.getAttribute('href')).toBe('/#/meetings/m1');
  });
});

describe('signed in, each role sees its next steps', () => {
  test('a municipality sees its drafts, the meetings it hosts, and what is left to summarize or publish', async () => {
    await signedInAs(host);

    const drafts = await waitFor(() => app.querySelector('#home-drafts li'));
    expect(drafts.textContent).toContain('書きかけの事例');
    expect(get(app, '#home-drafts').textContent).not.toContain('会議済みの事例');
    expect(get(app, '#home-new-case').getAttribute('href')).toBe('/#/cases/new');
    expect(get(app, '#home-hosting').textContent).toContain('来週の会議');
    expect(get(app, '#home-hosting').textContent).not.toContain('他の会議');
    const finish = get(app, '#home-to-finish');
    expect(finish.querySelector('[data-meeting-id="m3"] .home-finish')?.getAttribute('href')).toBe('/#/meetings/m3');
    expect(finish.querySelector('[data-meeting-id="m3"] .home-finish')?.textContent?.trim()).toBe('まとめを書く');
    expect(finish.querySelector('[data-meeting-id="m4"] .home-finish')?.getAttribute('href')).toBe('/#/meetings/m4/publish');
    expect(finish.textContent).not.toContain('公開済みの会議');
    expect(get(app, '#current-user-name').textContent).toBe('高橋 司');
  });

  test('a professional sees the meetings it can join and nothing about cases or services', async () => {
    await signedInAs(therapist);

    const join = await waitFor(() => app.querySelector('#home-to-join li'));
    expect(join.textContent).toContain('来週の会議');
    expect(app.querySelector('#home-drafts')).toBeNull();
    expect(app.querySelector('#home-services')).toBeNull();
  });

  test('a company sees meetings to join and how often its services were proposed and adopted', async () => {
    await signedInAs(companyUser);

    const service = await waitFor(() => app.querySelector('#home-services .home-service'));
    expect(service.textContent).toContain('移動スーパーたかさき');
    expect(service.textContent).toContain('提案 3件・採用 1件');
    expect(get(app, '#home-to-join').textContent).toContain('来週の会議');
    expect(get(app, '#home-register-service').getAttribute('href')).toBe('/#/catalog/new');
  });

  test('an admin sees what the admin does', async () => {
    await signedInAs(admin);

    const tasks = await waitFor(() => app.querySelector('#home-admin'));
    expect(tasks.textContent).toContain('アカウントと組織');
    expect(tasks.textContent).toContain('すべての会議');
    expect(app.querySelector('#home-drafts')).toBeNull();
  });
});
