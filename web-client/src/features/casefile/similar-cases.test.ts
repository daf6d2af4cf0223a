import { ArchiveApi } from '../../net/archive-api';
import { CaseApi } from '../../net/case-api';
import { HttpClient } from '../../net/http';
import { CaseEditorStore } from '../../state/case-editor-store';
import { fakePage, get, json, PATIENCE_MS, restorePage } from '../../test-support/dom';
import './case-editor';
import type { CaseEditor } from './case-editor';
import './similar-cases';
import type { SimilarCases } from './similar-cases';

/* 「似ている過去の事例」 on the case editor and alone (as the room shows it); only fetch plays the server. */

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
const http = new HttpClient('', undefined, () => 'tok-1');
const entryHref = (id: string) => `/archive/cases/${id}`;

const draft = (extra: Record<string, unknown> = {}) => ({
  id: 'c1', state: 'draft', title: '入浴が心配な独居の男性', prefecture: '群馬県',
  person: { ageBand: '80-84', careLevel: '要支援2', household: '独居', housing: '', health: '' },
  activities: [{ activity: '入浴', level: '一部介助', canDo: '', difficulty: '浴槽をまたげない' }],
  wishes: '', supports: [], questions: '', ...extra,
});
const hit = (id: string, title: string) => ({
  id, title, snippet: '<mark>浴槽</mark>をまたぐのが怖い', prefecture: '群馬県', careLevel: '要支援2', household: '独居',
  publishedAt: '2026-11-01T00:00:00Z', score: 3,
});

function similarCalls(): number {
  return fetchMock.mock.calls.filter(([url]) => url === '/api/v1/cases/c1/similar').length;
}

beforeEach(() => {
  fetchMock = fakePage();
});

afterEach(() => {
  document.body.replaceChildren();
  restorePage();
});

describe('similar past cases on the case editor', () => {
  let store: CaseEditorStore;
  let editor: CaseEditor;

  async function mount(): Promise<void> {
    store = new CaseEditorStore(new CaseApi(http));
    editor = document.createElement('yoriai-case-editor');
    editor.store = store;
    editor.similar = new ArchiveApi(http);
    editor.entryHref = entryHref;
    document.body.append(editor);
    await editor.updateComplete;
  }

  afterEach(() => store.dispose());

  test('lists the published entries with links from the route table, read again after a save and not while typing', async () => {
    let answer = [hit('a1', 'お風呂に入れなくなった事例')];
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/cases/c1' && init?.method === 'GET') return json(200, draft());
      if (url === '/api/v1/cases/c1' && init?.method === 'PUT') return json(200, draft(JSON.parse(init.body as string)));
      if (url === '/api/v1/cases/c1/similar') return json(200, { hits: answer });
      return json(200, { findings: [] });
    });
    await mount();
    await store.load('c1');
    await vi.waitFor(() => expect(editor.querySelector('#similar-cases-list li')).not.toBeNull(), PATIENCE_MS);

    const link = get<HTMLAnchorElement>(editor, '#similar-cases-list li[data-id="a1"] a');
    expect(link.getAttribute('href')).toBe('/archive/cases/a1');
    expect(link.textContent).toBe('お風呂に入れなくなった事例');
    expect(get(editor, '#similar-cases-list mark').textContent).toBe('浴槽');
    expect(get(editor, '#similar-cases-status').getAttribute('aria-live')).toBe('polite');
    expect(get(editor, '#similar-cases-status').textContent).toContain('1件');
    expect(get(editor, '#similar-cases-heading').textContent).toBe('似ている過去の事例');

    const wishes = get<HTMLTextAreaElement>(editor, '#case-wishes');
    wishes.value = 'ゆっくり湯船につかりたい';
    wishes.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(similarCalls()).toBe(1);

    answer = [hit('a2', '浴槽をまたげない事例'), hit('a1', 'お風呂に入れなくなった事例')];
    get<HTMLButtonElement>(editor, '#case-save').click();
    await vi.waitFor(() => expect(editor.querySelectorAll('#similar-cases-list li')).toHaveLength(2), PATIENCE_MS);
    expect(similarCalls()).toBe(2);
    expect(get(editor, '#similar-cases-status').textContent).toContain('2件');
  });

  test('an unsaved case asks to be saved first and a draft like no published case says so', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/cases' && init?.method === 'POST') return json(201, draft(JSON.parse(init.body as string)));
      if (url === '/api/v1/cases/c1/similar') return json(200, { hits: [] });
      return json(200, { findings: [] });
    });
    await mount();
    expect(get(editor, '#similar-cases-status').textContent).toContain('保存すると');
    expect(similarCalls()).toBe(0);

    const title = get<HTMLInputElement>(editor, '#case-title');
    title.value = 'まだ何も書いていない';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    get<HTMLButtonElement>(editor, '#case-save').click();
    await vi.waitFor(() => expect(get(editor, '#similar-cases-status').textContent).toContain('見つかりませんでした'), PATIENCE_MS);
    expect(editor.querySelector('#similar-cases-list')).toBeNull();
  });
});

describe('similar past cases in the room', () => {
  const notFound = () => json(404, { error: { code: 'not_found', message: 'Case not found' } });

  function mountPanel(caseId: string): SimilarCases {
    const element = document.createElement('yoriai-similar-cases');
    element.api = new ArchiveApi(http);
    element.caseId = caseId;
    element.compact = true;
    element.entryHref = entryHref;
    document.body.append(element);
    return element;
  }

  /** Answers each case's request only when the test says so. */
  function heldAnswers(): Map<string, (response: Response) => void> {
    const pending = new Map<string, (response: Response) => void>();
    fetchMock.mockImplementation((url) => new Promise((resolve) => pending.set(String(url), resolve)));
    return pending;
  }

  test('shows the list to a reader of the case', async () => {
    fetchMock.mockImplementation(async () => json(200, { hits: [hit('a1', '事例')] }));
    const element = mountPanel('c1');
    await vi.waitFor(() => expect(element.querySelector('#similar-cases-list li[data-id="a1"]')).not.toBeNull(), PATIENCE_MS);
    expect(element.querySelector('#similar-cases')?.classList.contains('panel')).toBe(true);
  });

  test('shows and announces nothing while the list is asked for, nor to a participant who may not read the case', async () => {
    const pending = heldAnswers();
    const element = mountPanel('c1');
    await vi.waitFor(() => expect(pending.has('/api/v1/cases/c1/similar')).toBe(true), PATIENCE_MS);
    await element.updateComplete;
    expect(element.childElementCount).toBe(0);
    expect(element.textContent?.trim()).toBe('');

    pending.get('/api/v1/cases/c1/similar')!(notFound());
    await vi.advanceTimersByTimeAsync(0);
    await element.updateComplete;
    expect(element.childElementCount).toBe(0);
    expect(element.textContent?.trim()).toBe('');
  });

  test('another case in focus forgets the list of the previous one at once', async () => {
    const pending = heldAnswers();
    const element = mountPanel('c1');
    await vi.waitFor(() => expect(pending.has('/api/v1/cases/c1/similar')).toBe(true), PATIENCE_MS);
    pending.get('/api/v1/cases/c1/similar')!(json(200, { hits: [hit('a1', '一件目に似た事例')] }));
    await vi.waitFor(() => expect(element.querySelector('#similar-cases-list li[data-id="a1"]')).not.toBeNull(), PATIENCE_MS);

    element.caseId = 'c2';
    await element.updateComplete;
    await vi.waitFor(() => expect(pending.has('/api/v1/cases/c2/similar')).toBe(true), PATIENCE_MS);
    expect(element.querySelector('#similar-cases-list')).toBeNull();

    pending.get('/api/v1/cases/c2/similar')!(json(200, { hits: [hit('a2', '二件目に似た事例')] }));
    await vi.waitFor(() => expect(element.querySelector('#similar-cases-list li[data-id="a2"]')).not.toBeNull(), PATIENCE_MS);
    expect(element.querySelector('#similar-cases-list li[data-id="a1"]')).toBeNull();
  });
});
