import type { YoriaiApp } from '../../app/yoriai-app';
import { localeStore } from '../../state/locale-store';
import { mountApp } from '../../test-support/app';
import { get, json, waitFor } from '../../test-support/dom';
import { discussionByPhase } from './entry-view';
import { parseSnippet } from './snippet';

/* The public archive through the shell, signed out, with fetch stubbed to play the server. */

const hit = {
  id: 'a1',
  title: '買い物に行けなくなった独居の女性',
  snippet: '近所の<mark>スーパー</mark>まで &lt;script&gt;alert(1)&lt;/script&gt; 歩いて<mark>買い物</mark>',
  prefecture: '群馬県',
  careLevel: '要支援2',
  household: '独居',
  publishedAt: '2026-03-01T09:00:00+09:00',
  score: 3.2,
};

const searchBody = {
  total: 25,
  page: 1,
  size: 10,
  hits: [hit, { ...hit, id: 'a2', title: '調理が難しくなった高齢夫婦', snippet: '<mark>調理</mark>' }],
  facets: {
    activity: { 買い物: 12, 調理: 4 },
    careLevel: { 要支援2: 7, 要介護1: 3 },
    household: { 独居: 9 },
    prefecture: { 群馬県: 5 },
    type: { market: 3 },
    year: { '2026': 5 },
  },
};

const entryBody = {
  id: 'a1',
  title: '買い物に行けなくなった独居の女性',
  prefecture: '群馬県',
  provider: '高崎市',
  publishedAt: '2026-03-01T09:00:00+09:00',
  person: { ageBand: '80-84', gender: 'female', careLevel: '要支援2', household: '独居', housing: '坂の上の一戸建て', health: '膝の痛み' },
  activities: [
    { activity: '買い物', level: '一部介助', canDo: '品物を選ぶ、支払いをする', difficulty: '重い荷物を持って坂を上る' },
    { activity: '調理', level: '自立', canDo: '簡単な煮物', difficulty: '' },
  ],
  wishes: '自分で選んで買い物を続けたい',
  questions: '近くに使える移動販売はありますか',
  supports: [{ kind: 'formal', description: '訪問介護 週1回' }],
  discussion: [
    { seq: 1, phase: 'presentation', label: '生活支援コーディネーターA', text: '事例を説明します', replyTo: null },
    { seq: 2, phase: 'questions', label: '理学療法士A', text: '坂は何メートルほどですか', replyTo: null },
    { seq: 3, phase: 'questions', label: '生活支援コーディネーターA', text: '約200メートルです', replyTo: 2 },
    { seq: 4, phase: 'advice', label: '理学療法士A', text: 'シルバーカーの利用を勧めます', replyTo: null },
    { seq: 5, phase: 'questions', label: '株式会社ぐんまマート', text: '移動販売が週2回来ます', replyTo: 99 },
  ],
  proposals: [
    {
      proposalId: 'p1', proposedBy: '株式会社みらいマート', targetActivity: '買い物', type: 'market', description: '移動販売車の停留所を自宅近くに',
      keepsAbilities: '品物を自分で選べる', serviceId: 's1', cost: '無料', area: '高崎市', endorsements: 5, adopted: true,
    },
    {
      proposalId: 'p2', targetActivity: '買い物', type: 'mutual', description: '近所の買い物同行ボランティア',
      keepsAbilities: '一緒に歩いて店まで行く', serviceId: null, cost: '', area: '', endorsements: 2, adopted: false,
    },
  ],
  summary: {
    direction: '本人が品物を選ぶ部分は続け、運搬だけを補う',
    regionalIssues: [{ text: '坂の多い地区に移動手段がない', tags: ['移動', '買い物'] }],
    missingResources: ['坂の上の地区への移動販売'],
    followUps: ['3か月後に再評価'],
  },
};

let app: YoriaiApp;
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
const urls = (): string[] => fetchMock.mock.calls.map(([url]) => decodeURIComponent(String(url).replace(/\+/g, ' ')));

beforeEach(() => {
  localeStore.set('ja');
  fetchMock = vi.fn<typeof fetch>(async (url) => {
    const path = String(url);
    if (path.startsWith('/api/v1/archive/search')) return json(200, searchBody);
    if (path === '/api/v1/archive/cases/a1') return json(200, entryBody);
    if (path === '/api/v1/archive/cases/a1/similar') return json(200, { hits: [{ ...hit, id: 'a7', title: '似ている事例' }, hit] });
    return json(404, { error: { code: 'not_found', message: '' } });
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  app?.remove();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

/** The page's address as a reader sees it; the hash stays empty on the public pages. */
function address(): string {
  expect(window.location.hash).toBe('');
  return decodeURIComponent(window.location.pathname + window.location.search);
}

describe('archive search', () => {
  test('is public: signed out, the nav leads to it and it renders hits, total and facets', async () => {
    app = await mountApp('#/');
    expect(get(app, '#login-email')).toBeTruthy();
    expect(get(app, '#nav-archive').getAttribute('href')).toBe('/archive');
    expect(get(app, '#nav-catalog').getAttribute('href')).toBe('/catalog');
    expect(get(app, '#nav-insight').getAttribute('href')).toBe('/insights');

    app.services!.router.navigate({ name: 'archive', params: {} });
    const item = await waitFor(() => app.querySelector('#archive-results li.archive-hit[data-id="a1"]'));
    expect(item.querySelector('a')?.getAttribute('href')).toBe('/archive/cases/a1');
    expect(item.textContent).toContain('群馬県');
    expect(item.textContent).toContain('要支援2');
    expect(item.textContent).toContain('独居');
    expect(item.textContent).toContain('2026');
    expect(get(app, '#archive-total').textContent).toContain('25件');
    expect(get(app, '#archive-total').getAttribute('aria-live')).toBe('polite');
    const facet = get(app, '#archive-facets button.facet[data-facet="careLevel"][data-value="要支援2"]');
    expect(facet.getAttribute('aria-pressed')).toBe('false');
    expect(facet.textContent).toContain('7');
    expect(get(app, '#archive-facets button.facet[data-facet="type"][data-value="market"]').textContent).toContain('市場サービス');
    expect(get(app, '#nav-archive').getAttribute('aria-current')).toBe('page');
  });

  test('renders only <mark> from a snippet: escaped markup stays text', async () => {
    app = await mountApp('/archive?q=買い物');
    const snippet = await waitFor(() => app.querySelector('li.archive-hit[data-id="a1"] .archive-hit__snippet'));
    expect([...snippet.querySelectorAll('*')].map((e) => e.tagName)).toEqual(['MARK', 'MARK']);
    expect(snippet.querySelector('script')).toBeNull();
    expect(snippet.textContent).toContain('<script>alert(1)</script>');
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['スーパー', '買い物']);
  });

  test('the query from the address fills the box and the request; submitting writes the address', async () => {
    app = await mountApp('/archive?q=買い物');
    await waitFor(() => app.querySelector('li.archive-hit'));
    expect(get<HTMLInputElement>(app, '#archive-q').value).toBe('買い物');
    expect(urls()).toContain('/api/v1/archive/search?q=買い物');

    get<HTMLInputElement>(app, '#archive-q').value = '一人暮らし 調理';
    get<HTMLButtonElement>(app, '#archive-submit').click();
    await waitFor(() => urls().includes('/api/v1/archive/search?q=一人暮らし 調理'));
    expect(address().replace(/\+/g, ' ')).toBe('/archive?q=一人暮らし 調理');
  });

  test('a facet toggle updates the address and the request, and toggles off again', async () => {
    app = await mountApp('/archive?q=買い物');
    const facet = await waitFor(() => app.querySelector<HTMLButtonElement>('button.facet[data-facet="careLevel"][data-value="要支援2"]'));
    facet.focus();
    facet.click();
    await waitFor(() => urls().includes('/api/v1/archive/search?q=買い物&careLevel=要支援2'));
    expect(address()).toBe('/archive?q=買い物&careLevel=要支援2');
    const pressed = await waitFor(() =>
      app.querySelector('button.facet[data-facet="careLevel"][data-value="要支援2"][aria-pressed="true"]'),
    );
    // The keyboard user stays on the facet they pressed (the page heading does not steal focus).
    expect(document.activeElement?.outerHTML).toBe(pressed.outerHTML);

    (pressed as HTMLButtonElement).click();
    await waitFor(() => address() === '/archive?q=買い物');
  });

  test('the export links carry the query and the filters but not the page, so they export every match', async () => {
    app = await mountApp('/archive?q=買い物&careLevel=要支援2&page=2');
    await waitFor(() => app.querySelector('li.archive-hit'));
    const href = (id: string): string => decodeURIComponent(get(app, id).getAttribute('href') ?? '');
    expect(href('#export-csv')).toBe('/api/v1/archive/export.csv?q=買い物&careLevel=要支援2');
    expect(href('#export-json')).toBe('/api/v1/archive/export.json?q=買い物&careLevel=要支援2');
    expect(get(app, '#export-csv').textContent).toContain('この検索結果すべて');
    expect(get(app, '#export-scope').textContent).toContain('すべてのページ');
    expect(get(app, '#feed-atom').getAttribute('href')).toBe('/api/v1/archive/feed.atom');
  });

  test('the feed link follows the prefecture and the activity the search is narrowed to', async () => {
    app = await mountApp('/archive?q=買い物&prefecture=群馬県&activity=買い物&careLevel=要支援2');
    await waitFor(() => app.querySelector('li.archive-hit'));
    const feed = get(app, '#feed-atom');
    expect(decodeURIComponent(feed.getAttribute('href') ?? '')).toBe('/api/v1/archive/feed.atom?prefecture=群馬県&activity=買い物');
    expect(feed.textContent?.trim()).toBe('群馬県・買い物の新着フィード（Atom）');
  });

  test('without a query or filter the export links export everything', async () => {
    app = await mountApp('/archive');
    await waitFor(() => app.querySelector('li.archive-hit'));
    expect(get(app, '#export-csv').getAttribute('href')).toBe('/api/v1/archive/export.csv');
    expect(get(app, '#export-csv').textContent).toContain('全件');
    expect(app.querySelector('#export-scope')).toBeNull();
  });

  test('next page asks for page 2 and keeps the facets', async () => {
    app = await mountApp('/archive?household=独居');
    const next = await waitFor(() => app.querySelector<HTMLButtonElement>('#archive-next'));
    expect(get<HTMLButtonElement>(app, '#archive-prev').disabled).toBe(true);
    next.click();
    await waitFor(() => urls().includes('/api/v1/archive/search?household=独居&page=2'));
    expect(address()).toBe('/archive?household=独居&page=2');
  });
});

describe('archive entry', () => {
  test('renders the case sheet and the activity table of what the person can do and what is hard', async () => {
    app = await mountApp('/archive/cases/a1');
    await waitFor(() => app.querySelector('#entry-activities'));
    expect(get(app, '#entry-title').textContent).toBe('買い物に行けなくなった独居の女性');
    expect(get(app, '#archive-entry').textContent).toContain('高崎市');
    const person = get(app, '#entry-person').textContent ?? '';
    for (const text of ['80-84歳', '女性', '要支援2', '独居', '坂の上の一戸建て', '膝の痛み']) expect(person).toContain(text);
    const headers = [...app.querySelectorAll('#entry-activities thead th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['生活行為', '状態', 'できること', '難しいこと']);
    const cells = [...app.querySelectorAll('#entry-activities tbody tr:first-child > *')].map((c) => c.textContent?.trim());
    expect(cells).toEqual(['買い物', '一部介助', '品物を選ぶ、支払いをする', '重い荷物を持って坂を上る']);
    expect(get(app, '#entry-wishes').textContent).toContain('自分で選んで');
    expect(get(app, '#entry-supports').textContent).toContain('訪問介護');
    expect(get(app, '#entry-questions').textContent).toContain('移動販売');
  });

  test('groups the discussion by phase and nests replies under their parent', async () => {
    app = await mountApp('/archive/cases/a1');
    const discussion = await waitFor(() => app.querySelector('#entry-discussion'));
    const phases = [...discussion.querySelectorAll('.discussion-phase')].map((p) => p.getAttribute('data-phase'));
    expect(phases).toEqual(['presentation', 'questions', 'advice']);
    const questions = get(discussion, '.discussion-phase[data-phase="questions"]');
    expect(get(questions, 'h3').textContent).toBe('質疑応答');
    const top = [...questions.querySelectorAll(':scope > ol > li.remark')].map((li) => li.getAttribute('data-seq'));
    expect(top).toEqual(['2', '5']);
    const reply = get(questions, 'li.remark[data-seq="2"] > ol.thread > li.remark');
    expect(reply.getAttribute('data-seq')).toBe('3');
    expect(reply.textContent).toContain('約200メートルです');
    expect(get(questions, 'li.remark[data-seq="2"] .remark__label').textContent).toBe('理学療法士A');
  });

  test('shows proposals with their author label, type badge, endorsements, 採用 and a link to the catalog service', async () => {
    app = await mountApp('/archive/cases/a1');
    const adopted = await waitFor(() => app.querySelector('#entry-proposals li[data-proposal-id="p1"]'));
    expect(get(adopted, '.badge--type').textContent).toBe('市場サービス');
    expect(get(adopted, '.badge--adopted').textContent).toBe('採用');
    expect(get(adopted, '.endorse-count').getAttribute('data-count')).toBe('5');
    expect(get(adopted, 'a.proposal-service').getAttribute('href')).toBe('/catalog/services/s1');
    expect(get(adopted, '.entry-proposal__author').textContent).toContain('株式会社みらいマート');
    const other = get(app, '#entry-proposals li[data-proposal-id="p2"]');
    expect(get(other, '.badge--type').textContent).toBe('互助・インフォーマル');
    expect(other.querySelector('.badge--adopted')).toBeNull();
    expect(other.querySelector('a.proposal-service')).toBeNull();
  });

  test('shows the summary, similar cases (without itself) and the open-data links', async () => {
    app = await mountApp('/archive/cases/a1');
    await waitFor(() => app.querySelector('#entry-similar li.archive-hit'));
    expect([...app.querySelectorAll('#entry-similar li.archive-hit')].map((li) => li.getAttribute('data-id'))).toEqual(['a7']);
    expect(get(app, '#entry-summary').textContent).toContain('運搬だけを補う');
    expect([...app.querySelectorAll('#entry-regional-issues .tag')].map((x) => x.textContent)).toEqual(['移動', '買い物']);
    expect(get(app, '#entry-missing-resources').textContent).toContain('移動販売');
    expect(get(app, '#entry-follow-ups').textContent).toContain('再評価');
    expect(get(app, '#export-json').getAttribute('href')).toBe('/api/v1/archive/export.json');
    expect(get(app, '#export-csv').getAttribute('href')).toBe('/api/v1/archive/export.csv');
    expect(get(app, '#feed-atom').getAttribute('href')).toBe('/api/v1/archive/feed.atom');
  });

  test('carries its address and dates for print, in an element only print shows', async () => {
    app = await mountApp('/archive/cases/a1');
    const source = await waitFor(() => app.querySelector('#entry-source'));
    expect(source.classList.contains('print-only')).toBe(true);
    expect(get(source, '#entry-source-url').textContent).toBe(`${window.location.origin}/archive/cases/a1`);
    expect(source.textContent).toContain('出典: 寄り合い 事例アーカイブ');
    expect(get(source, '#entry-source-dates').textContent).toMatch(/^公開日 2026\/03\/01・印刷日 \d{4}\/\d{2}\/\d{2}$/);
  });

  test('an unknown entry says it was not found', async () => {
    app = await mountApp('/archive/cases/nope');
    await waitFor(() => get(app, '#entry-title').textContent === '見つかりませんでした');
  });
});

describe('snippet parsing', () => {
  test('keeps marks, decodes entities into text and tolerates unbalanced marks', () => {
    expect(parseSnippet('a<mark>b</mark>&amp;c&#39;<mark>d')).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: true },
      { text: "&c'", marked: false },
      { text: 'd', marked: true },
    ]);
    expect(parseSnippet('&lt;b&gt;x&lt;/b&gt;')).toEqual([{ text: '<b>x</b>', marked: false }]);
  });

  test('discussionByPhase orders phases as the meeting runs them', () => {
    const groups = discussionByPhase([
      { seq: 2, phase: 'advice', label: 'A', text: '', replyTo: null },
      { seq: 1, phase: 'presentation', label: 'B', text: '', replyTo: null },
      { seq: 3, phase: 'advice', label: 'C', text: '', replyTo: 1 },
    ]);
    expect(groups.map((g) => g.phase)).toEqual(['presentation', 'advice']);
    expect(groups[0].threads[0].replies.map((r) => r.remark.seq)).toEqual([3]);
  });
});
