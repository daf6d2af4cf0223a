import { CaseApi } from '../../net/case-api';
import { HttpClient } from '../../net/http';
import { CaseEditorStore } from '../../state/case-editor-store';
import { localeStore } from '../../state/locale-store';
import { fakePage, get, json, PATIENCE_MS, restorePage } from '../../test-support/dom';
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
  await vi.waitFor(() => expect(putBodies()).toHaveLength(1), PATIENCE_MS);
}

beforeEach(() => {
  fetchMock = fakePage();
});

afterEach(() => {
  editor?.remove();
  store?.dispose();
  restorePage();
});

describe('fields the editor does not show', () => {
  test('an API-created case keeps its assessment and checklist when edited in the browser', async () => {
    await mountLoaded(apiCase());

    typeInto('#case-wishes', '自分で選んで買い物を続けたい');
    await save();

    expect(putBodies()[0]).toMatchObject({ wishes: '自分で選んで買い物を続けたい', assessment, checklist });
  });

  test('a sheet field this client does not know yet is sent back as it came', async () => {
    await mountLoaded(apiCase({ goals: ['週2回の買い物'], organization: { name: '前橋市' }, revision: 3 }));

    typeInto('#case-title', '買い物を続けたい女性');
    await save();

    expect(putBodies()[0]).toMatchObject({ title: '買い物を続けたい女性', goals: ['週2回の買い物'] });
    expect(putBodies()[0]).not.toHaveProperty('organization');
    expect(putBodies()[0]).not.toHaveProperty('revision');
    expect(putBodies()[0]).not.toHaveProperty('id');
  });
});

describe('assessment and 基本チェックリスト', () => {
  test('the four domains are shown in Japanese with the stored text and can be edited, a new domain included', async () => {
    await mountLoaded(apiCase());
    expect([...editor.querySelectorAll('#case-assessment [data-domain] > legend')].map((l) => l.textContent?.trim())).toEqual([
      '運動・移動', '日常生活（家庭生活）', '社会参加・対人関係・コミュニケーション', '健康管理',
    ]);
    expect(get<HTMLTextAreaElement>(editor, '#assessment-movement-issue').value).toBe('長い距離を歩くと膝が痛む');
    expect(get(editor, 'label[for="assessment-movement-intention"]').textContent?.trim()).toBe('本人・家族の意欲・意向');

    typeInto('#assessment-movement-issue', '坂道で休みが必要');
    typeInto('#assessment-healthManagement-issue', '服薬を忘れることがある');
    await save();

    expect(putBodies()[0].assessment).toEqual({
      movement: { intention: '自分の足で歩き続けたい', issue: '坂道で休みが必要' },
      dailyLife: assessment.dailyLife,
      healthManagement: { intention: '', issue: '服薬を忘れることがある' },
    });
  });

  test('PII in an assessment text is highlighted like any other field and named by its domain', async () => {
    await mountLoaded(apiCase());
    fetchMock.mockImplementation(async (url) => url === '/api/v1/privacy/check'
      ? json(200, { findings: [{ field: 'assessment.dailyLife.issue', start: 0, end: 4, kind: 'person_name' }] })
      : json(200, apiCase()));

    typeInto('#assessment-dailyLife-issue', '鈴木さんに鍋を運んでもらう');
    await vi.advanceTimersByTimeAsync(400);
    await vi.waitFor(() => expect(editor.querySelector('[data-field="assessment.dailyLife.issue"] mark.pii')).not.toBeNull(), PATIENCE_MS);

    expect(get(editor, '[data-field="assessment.dailyLife.issue"] mark.pii').textContent).toBe('鈴木さん');
    expect(get(editor, '#assessment-dailyLife-issue').getAttribute('aria-describedby')).toBe('assessment-dailyLife-issue-pii');
    expect(get(editor, '#case-pii-summary').textContent).toContain('日常生活（家庭生活） / 課題');
  });

  test('the checklist shows the stored answers and its score; ticking an item saves 25 answers', async () => {
    await mountLoaded(apiCase());
    expect(editor.querySelectorAll('#case-checklist input[type="checkbox"]')).toHaveLength(25);
    expect(get<HTMLInputElement>(editor, '#checklist-1').checked).toBe(true);
    expect(get<HTMLInputElement>(editor, '#checklist-2').checked).toBe(false);
    expect(get(editor, 'label[for="checklist-1"]').textContent).toContain('バスや電車で1人で外出していますか');
    expect(get(editor, '#checklist-score').textContent).toContain('合計 7 / 25 点');

    const box = get<HTMLInputElement>(editor, '#checklist-2');
    box.click();
    await editor.updateComplete;
    expect(get(editor, '#checklist-score').textContent).toContain('合計 8 / 25 点');
    await save();

    expect(putBodies()[0].checklist).toEqual(checklist.map((answer, i) => (i === 1 ? 1 : answer)));
  });

  test('a case without a checklist starts one at all 0 with the first tick', async () => {
    await mountLoaded(apiCase({ checklist: null }));
    expect(get(editor, '#checklist-score').textContent).toContain('未記入');

    get<HTMLInputElement>(editor, '#checklist-9').click();
    await save();

    const expected = Array<number>(25).fill(0);
    expected[8] = 1;
    expect(putBodies()[0].checklist).toEqual(expected);
  });

  test('labels are in English after switching the language', async () => {
    await mountLoaded(apiCase());
    localeStore.set('en');
    await editor.updateComplete;
    expect(get(editor, '#case-assessment > legend').textContent?.trim()).toBe('Assessment (optional)');
    expect(get(editor, 'label[for="checklist-9"]').textContent).toContain('Have you fallen in the past year?');
  });
});
