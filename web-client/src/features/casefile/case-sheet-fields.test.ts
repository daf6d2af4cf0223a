import { CaseApi } from '../../net/case-api';
import { HttpClient } from '../../net/http';
import { CaseEditorStore } from '../../state/case-editor-store';
import { localeStore } from '../../state/locale-store';
import { get, json } from '../../test-support/dom';
import './case-editor';
import type { CaseEditor } from './case-editor';

/*
 * Fields of a case that the editor did not create: a case made over the API (with an assessment
 * and the 基本チェックリスト, or fields added to the server later) must come back whole after an
 * edit in the browser.
 */

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let editor: CaseEditor;
let store: CaseEditorStore;

const assessment = {
  movement: { intention: '自分の足で歩き続けたい', issue: '長い距離を歩くと膝が痛む' },
  dailyLife: { intention: '料理を続けたい', issue: '重い鍋を持てない' },
};
const checklist = [1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1];

const apiCase = (extra: Record<string, unknown> = {}) => ({
  id: 'c1',
  state: 'draft',
  title: '買い物に行けなくなった独居の女性',
  prefecture: '群馬県',
  person: { ageBand: '80-84', careLevel: '要支援2', household: '独居', housing: '', health: '' },
  activities: [{ activity: '買い物', level: '一部介助', canDo: '商品を選ぶ', difficulty: '重い物を運ぶ' }],
  wishes: '',
  supports: [],
  questions: '',
  assessment,
  checklist,
  ...extra,
});

function putBodies(): Record<string, unknown>[] {
  return fetchMock.mock.calls
    .filter(([url, init]) => url === '/api/v1/cases/c1' && init?.method === 'PUT')
    .map(([, init]) => JSON.parse(init!.body as string) as Record<string, unknown>);
}

function typeInto(selector: string, value: string): void {
  const field = get<HTMLInputElement | HTMLTextAreaElement>(editor, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

async function mountLoaded(stored: Record<string, unknown>): Promise<void> {
  fetchMock.mockImplementation(async (url, init) => {
    if (url === '/api/v1/cases/c1' && init?.method === 'GET') return json(200, stored);
    if (url === '/api/v1/cases/c1' && init?.method === 'PUT') {
      return json(200, { ...stored, ...(JSON.parse(init.body as string) as object) });
    }
    return json(200, { findings: [] });
  });
  store = new CaseEditorStore(new CaseApi(new HttpClient('', undefined, () => 'tok-1')));
  editor = document.createElement('yoriai-case-editor');
  editor.store = store;
  document.body.append(editor);
  await store.load('c1');
  await vi.advanceTimersByTimeAsync(0);
  await editor.updateComplete;
}

async function save(): Promise<void> {
  get<HTMLButtonElement>(editor, '#case-save').click();
  await vi.waitFor(() => expect(putBodies()).toHaveLength(1));
}

beforeEach(() => {
  vi.useFakeTimers();
  localeStore.set('ja');
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  editor?.remove();
  store?.dispose();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('fields the editor does not show', () => {
  test('an API-created case keeps its assessment and checklist when edited in the browser', async () => {
    await mountLoaded(apiCase());

    typeInto('#case-wishes', '自分で選んで買い物を続けたい');
    await save();

    expect(putBodies()[0]).toMatchObject({ wishes: '自分で選んで買い物を続けたい', assessment, checklist });
  });
});
