import type { YoriaiApp } from '../../app/yoriai-app';
import { HttpClient } from '../../net/http';
import { InsightApi } from '../../net/insight-api';
import { localeStore } from '../../state/locale-store';
import { companyUser, mountApp } from '../../test-support/app';
import { get, json, waitFor } from '../../test-support/dom';
import { chartJsRenderer, type BarChartData, type BarChartRenderer } from './bar-chart';
import './insight-page';
import type { InsightPage } from './insight-page';

/* Needs insight: a suppressed cell reads 「3件未満」, never a number. Fetch is stubbed. */

const body = {
  threshold: 3,
  publishedCases: 12,
  cells: [
    { need: '買い物', prefecture: '群馬県', careLevel: '要支援2', cases: 5, suppressed: false },
    { need: '買い物', prefecture: '群馬県', careLevel: '要介護1', cases: null, suppressed: true },
    // A server that still sends a count on a suppressed cell: the client drops it.
    { need: '買い物', prefecture: '東京都', careLevel: '要支援1', cases: 2, suppressed: true },
    { need: '調理', prefecture: '東京都', careLevel: '要支援2', cases: 4, suppressed: false },
    { need: '入浴', prefecture: '東京都', careLevel: '要介護2', cases: null, suppressed: true },
  ],
  totals: [
    { need: '買い物', shownCases: 5, hasSuppressedCells: true },
    { need: '調理', shownCases: 4, hasSuppressedCells: false },
    { need: '入浴', shownCases: 0, hasSuppressedCells: true },
  ],
  gaps: [
    { need: '買い物', prefecture: '群馬県', categories: ['買い物支援', '移動販売'], shownCases: 5, hasSuppressedCells: true },
    { need: '調理', prefecture: '東京都', categories: ['配食'], shownCases: 4, hasSuppressedCells: false },
  ],
};

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let page: InsightPage | null = null;
let app: YoriaiApp | null = null;

beforeEach(() => {
  localeStore.set('ja');
  fetchMock = vi.fn<typeof fetch>(async (url) => {
    const path = String(url);
    if (path === '/api/v1/insights/needs') return json(200, body);
    if (path === '/api/v1/auth/me') return json(200, companyUser);
    return json(404, { error: { code: 'not_found', message: '' } });
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  page?.remove();
  app?.remove();
  page = null;
  app = null;
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function recordingChart(): { renderer: BarChartRenderer; calls: BarChartData[] } {
  const calls: BarChartData[] = [];
  return { calls, renderer: async (_canvas, data) => (calls.push(data), { destroy: () => undefined }) };
}

async function mountPage(user = null as typeof companyUser | null): Promise<{ calls: BarChartData[] }> {
  const chart = recordingChart();
  page = document.createElement('yoriai-insight-page');
  page.api = new InsightApi(new HttpClient());
  page.chart = chart.renderer;
  page.user = user;
  document.body.append(page);
  await waitFor(() => page!.querySelector('#insight-cells tr.cell'));
  await page.chartReady;
  return chart;
}

describe('needs insight', () => {
  test('is public from the nav, with the chart container, the CSV link and gap rows', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
    app = await mountApp('/insights');
    await waitFor(() => app!.querySelector('#insight-gaps tr.gap'));
    expect(get(app, '#insight-page')).toBeTruthy();
    expect(get(app, '#insight-chart canvas')).toBeTruthy();
    expect(get(app, '#insight-csv').getAttribute('href')).toBe('/api/v1/insights/needs.csv');
    expect(get(app, '#nav-insight').getAttribute('aria-current')).toBe('page');
    expect(app.querySelector('#insight-near')).toBeNull();
  });

  test('a suppressed cell reads 3件未満 and never its number', async () => {
    await mountPage();
    const rows = [...page!.querySelectorAll('#insight-cells tr.cell')];
    expect(rows).toHaveLength(5);
    const suppressed = rows.filter((row) => row.getAttribute('data-suppressed') === 'true');
    expect(suppressed).toHaveLength(3);
    for (const row of suppressed) expect(get(row, '.cell__cases').textContent?.trim()).toBe('3件未満');
    // The count 2 that the server leaked on a suppressed cell appears nowhere.
    expect(rows.map((row) => get(row, '.cell__cases').textContent?.trim())).toEqual(['5', '3件未満', '3件未満', '4', '3件未満']);
  });

  test('says how many published cases it aggregates', async () => {
    await mountPage();
    expect(get(page!, '#insight-aggregated').textContent?.trim()).toBe('公開事例 12件を集計');
  });

  test('a total says what hidden combinations leave out, and one made only of them is never 0', async () => {
    const chart = await mountPage();
    const totals = [...page!.querySelectorAll('#insight-totals tbody tr')].map((tr) => tr.textContent?.replace(/\s+/g, ''));
    expect(totals).toEqual(['買い物5（ほかに3件未満の組み合わせあり）', '調理4', '入浴3件未満の組み合わせのみ']);
    expect(page!.querySelector('#insight-totals')?.textContent).not.toContain('一部非表示');
    expect(chart.calls.at(-1)).toMatchObject({
      labels: ['買い物（ほかに3件未満の組み合わせあり）', '調理', '入浴（3件未満の組み合わせのみ）'],
      values: [5, 4, 0],
    });
  });

  test('lists the gaps with the categories needed', async () => {
    await mountPage();
    const gaps = [...page!.querySelectorAll('#insight-gaps tr.gap')];
    expect(gaps.map((g) => g.getAttribute('data-prefecture'))).toEqual(['群馬県', '東京都']);
    expect(gaps[0].textContent).toContain('移動販売');
    expect(gaps[0].textContent).toContain('（ほかに3件未満の組み合わせあり）');
  });

  test('a company user sees the needs near them and can show the whole country again', async () => {
    const chart = await mountPage(companyUser);
    const toggle = get<HTMLButtonElement>(page!, '#insight-near');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect([...page!.querySelectorAll('#insight-cells tr.cell td:nth-of-type(1)')].every((td) => td.textContent === '群馬県')).toBe(true);
    expect(page!.querySelectorAll('#insight-gaps tr.gap')).toHaveLength(1);
    expect(chart.calls.at(-1)).toMatchObject({ labels: ['買い物（ほかに3件未満の組み合わせあり）'], values: [5] });
    // the report counts published cases nationwide only: the near view does not pass that off as its own
    expect(get(page!, '#insight-aggregated').textContent?.trim()).toBe('全国の公開事例 12件を集計（うち群馬県の分を表示）');

    toggle.click();
    await waitFor(() => page!.querySelectorAll('#insight-gaps tr.gap').length === 2);
    expect(page!.querySelectorAll('#insight-cells tr.cell')).toHaveLength(5);
    expect(get(page!, '#insight-aggregated').textContent?.trim()).toBe('公開事例 12件を集計');
  });
});

describe('Chart.js under CSP style-src self', () => {
  test('draws without injecting <style> or setting a style attribute', async () => {
    const fakeContext = new Proxy({} as Record<string | symbol, unknown>, {
      get(target, key) {
        if (key in target) return target[key];
        if (key === 'measureText') return (text: string) => ({ width: String(text).length * 7, actualBoundingBoxAscent: 7, actualBoundingBoxDescent: 2 });
        if (key === 'getLineDash') return () => [];
        if (key === 'createLinearGradient' || key === 'createRadialGradient') return () => ({ addColorStop: () => undefined });
        if (key === 'getImageData') return () => ({ data: new Uint8ClampedArray(4) });
        return () => undefined;
      },
      set(target, key, value) {
        target[key] = value;
        return true;
      },
    });
    const canvas = document.createElement('canvas');
    canvas.width = 600;
    canvas.height = 200;
    fakeContext.canvas = canvas;
    vi.spyOn(canvas, 'getContext').mockReturnValue(fakeContext as unknown as CanvasRenderingContext2D);
    const setAttribute = vi.spyOn(Element.prototype, 'setAttribute');
    document.body.append(canvas);
    const stylesBefore = document.querySelectorAll('style').length;

    const handle = await chartJsRenderer(canvas, { label: '件数', labels: ['買い物', '調理'], values: [5, 4] });

    expect(handle).not.toBeNull();
    expect(document.querySelectorAll('style').length).toBe(stylesBefore);
    expect(setAttribute.mock.calls.filter(([name]) => name.toLowerCase() === 'style')).toEqual([]);
    handle?.destroy();
    canvas.remove();
  });
});
