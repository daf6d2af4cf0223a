import type { YoriaiApp } from '../../app/yoriai-app';
import { localeStore } from '../../state/locale-store';
import { companyUser, mountApp } from '../../test-support/app';
import { get, json, waitFor } from '../../test-support/dom';
import { safeHttpUrl } from './catalog-service';

/* The catalog through the shell, with fetch stubbed to play the server. */

const service = {
  id: 's1',
  name: 'ぐんま移動スーパー',
  provider: 'ぐんまマート株式会社',
  category: '移動販売',
  description: '軽トラックで食品と日用品を届けます',
  areas: [{ prefectureCode: '10', municipalityCode: '102024', name: '高崎市' }],
  price: '商品代のみ',
  howToUse: '電話で停留所を相談してください',
  contactUrl: 'https://example.jp/idou',
  proposedCount: 4,
  adoptedCount: 2,
};

let app: YoriaiApp;
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let createResponse: Response;
const urls = (): string[] => fetchMock.mock.calls.map(([url]) => decodeURIComponent(String(url).replace(/\+/g, ' ')));

beforeEach(() => {
  localeStore.set('ja');
  createResponse = json(201, { ...service, id: 's9' });
  fetchMock = vi.fn<typeof fetch>(async (url, init) => {
    const path = String(url);
    if (path === '/api/v1/auth/me') return json(200, companyUser);
    if (path === '/api/v1/catalog/services' && init?.method === 'POST') return createResponse;
    if (path.startsWith('/api/v1/catalog/services?') || path === '/api/v1/catalog/services') {
      return json(200, { total: 1, page: 1, size: 10, services: [service] });
    }
    if (path === '/api/v1/catalog/services/s1') return json(200, service);
    if (path === '/api/v1/catalog/services/bad') return json(200, { ...service, id: 'bad', contactUrl: 'javascript:alert(1)' });
    if (path === '/api/v1/catalog/services/s9') return json(200, { ...service, id: 's9' });
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

describe('catalog', () => {
  test('search is public and sends query, category and prefecture; the results link to each service', async () => {
    app = await mountApp('/catalog');
    const item = await waitFor(() => app.querySelector('#catalog-results li.service[data-id="s1"]'));
    expect(item.textContent).toContain('ぐんま移動スーパー');
    expect(item.textContent).toContain('移動販売');
    expect(get(item, 'a').getAttribute('href')).toBe('/catalog/services/s1');
    expect(app.querySelector('#catalog-new')).toBeNull();
    const categories = [...app.querySelectorAll<HTMLOptionElement>('#catalog-category option')].map((o) => o.value);
    expect(categories).toContain('買い物支援');
    expect(categories).toContain('安否確認');

    get<HTMLInputElement>(app, '#catalog-q').value = '移動';
    get<HTMLSelectElement>(app, '#catalog-category').value = '移動販売';
    get<HTMLSelectElement>(app, '#catalog-prefecture').value = '群馬県';
    get(app, '#catalog-submit').click();
    await waitFor(() => urls().includes('/api/v1/catalog/services?q=移動&category=移動販売&prefecture=群馬県'));
    expect(decodeURIComponent(window.location.pathname + window.location.search)).toBe('/catalog?q=移動&category=移動販売&prefecture=群馬県');
    expect(window.location.hash).toBe('');
  });

  test('the service page shows its details, counts and a safe contact link', async () => {
    app = await mountApp('/catalog/services/s1');
    await waitFor(() => get(app, '#service-title').textContent === 'ぐんま移動スーパー');
    const page = get(app, '#catalog-service').textContent ?? '';
    for (const text of ['ぐんまマート株式会社', '移動販売', '高崎市', '商品代のみ', '電話で停留所を相談']) expect(page).toContain(text);
    expect(get(app, '#service-proposed').getAttribute('data-count')).toBe('4');
    expect(get(app, '#service-adopted').getAttribute('data-count')).toBe('2');
    const contact = get(app, '#service-contact');
    expect(contact.getAttribute('href')).toBe('https://example.jp/idou');
    expect(contact.getAttribute('rel')).toContain('noopener');
  });

  test('a contact URL that is not http(s) is not linked', async () => {
    app = await mountApp('/catalog/services/bad');
    await waitFor(() => get(app, '#service-title').textContent === 'ぐんま移動スーパー');
    expect(app.querySelector('#service-contact')).toBeNull();
    expect(app.querySelector('a[href^="javascript"]')).toBeNull();
    expect(safeHttpUrl('http://example.jp/')).toBe('http://example.jp/');
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
  });
});

describe('service registration (company)', () => {
  async function fillForm(): Promise<void> {
    await waitFor(() => app.querySelector('#service-name'));
    get<HTMLInputElement>(app, '#service-name').value = 'ぐんま移動スーパー';
    get<HTMLSelectElement>(app, '#service-category').value = '移動販売';
    get<HTMLTextAreaElement>(app, '#service-description').value = '軽トラックで食品を届けます';
    get<HTMLInputElement>(app, '#service-price').value = '商品代のみ';
    get<HTMLTextAreaElement>(app, '#service-how').value = '電話で相談';
    get<HTMLInputElement>(app, '#service-url').value = 'https://example.jp/idou';
    get<HTMLSelectElement>(app, '#service-area-prefecture').value = '群馬県';
  }

  test('a company user sees the register link and the form posts the §6 body, then opens the service', async () => {
    app = await mountApp('/catalog', 'tok-c');
    const link = await waitFor(() => app.querySelector('#catalog-new'));
    expect(link.getAttribute('href')).toBe('/#/catalog/new');
    app.services!.router.navigate({ name: 'catalog-new' });
    await fillForm();
    get(app, '#service-submit').click();
    await waitFor(() => window.location.pathname === '/catalog/services/s9');
    const call = fetchMock.mock.calls.find(([url, init]) => url === '/api/v1/catalog/services' && init?.method === 'POST');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({
      name: 'ぐんま移動スーパー',
      category: '移動販売',
      description: '軽トラックで食品を届けます',
      areas: [{ prefectureCode: '10', municipalityCode: null, name: '群馬県' }],
      price: '商品代のみ',
      howToUse: '電話で相談',
      contactUrl: 'https://example.jp/idou',
    });
    expect(new Headers(call?.[1]?.headers).get('Authorization')).toBe('Bearer tok-c');
  });

  test('shows the server’s field errors beside their inputs', async () => {
    createResponse = json(422, {
      error: {
        code: 'validation_failed',
        message: 'invalid',
        details: [
          { field: 'name', message: 'すでに登録されています' },
          { field: 'areas[0].municipalityCode', message: '市区町村コードが不正です' },
        ],
      },
    });
    app = await mountApp('#/catalog/new', 'tok-c');
    await fillForm();
    get<HTMLInputElement>(app, '#service-area-municipality-code').value = '999';
    get(app, '#service-submit').click();
    const error = await waitFor(() => app.querySelector('#service-name-error'));
    expect(error.textContent).toBe('すでに登録されています');
    expect(get(app, '#service-name').getAttribute('aria-invalid')).toBe('true');
    expect(get(app, '#service-name').getAttribute('aria-describedby')).toBe('service-name-error');
    expect(get(app, '#service-area-municipality-code-error').textContent).toBe('市区町村コードが不正です');
    expect(get(app, '#service-form-error').getAttribute('role')).toBe('alert');
    expect(window.location.hash).toBe('#/catalog/new');
  });

  test('missing required fields are caught before calling the server', async () => {
    app = await mountApp('#/catalog/new', 'tok-c');
    await waitFor(() => app.querySelector('#service-submit'));
    get<HTMLInputElement>(app, '#service-url').value = 'ftp://example.jp';
    get(app, '#service-submit').click();
    await waitFor(() => app.querySelector('#service-name-error'));
    expect(app.querySelector('#service-category-error')).toBeTruthy();
    expect(app.querySelector('#service-area-prefecture-error')).toBeTruthy();
    expect(get(app, '#service-url-error').textContent).toContain('https://');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });
});
