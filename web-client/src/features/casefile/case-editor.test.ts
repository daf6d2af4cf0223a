import { CaseApi } from '../../net/case-api';
import { HttpClient } from '../../net/http';
import type { PiiFinding } from '../../net/protocol';
import { CaseEditorStore } from '../../state/case-editor-store';
import { fakePage, get, json, PATIENCE_MS, restorePage } from '../../test-support/dom';
import './case-editor';
import type { CaseEditor } from './case-editor';
import { segments } from '../../shared/pii';

/*
 * The case editor with the real store, CaseApi and HttpClient; only fetch is stubbed to play the
 * server. Fake timers drive the 400 ms debounce of the privacy check.
 */

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let editor: CaseEditor;
let store: CaseEditorStore;

function calls(path: string): RequestInit[] {
  return fetchMock.mock.calls.filter(([url]) => url === path).map(([, init]) => init ?? {});
}

function bodyOf(init: RequestInit): Record<string, unknown> {
  return JSON.parse(init.body as string) as Record<string, unknown>;
}

async function mount(): Promise<void> {
  store = new CaseEditorStore(new CaseApi(new HttpClient('', undefined, () => 'tok-1')));
  editor = document.createElement('yoriai-case-editor');
  editor.store = store;
  document.body.append(editor);
  await editor.updateComplete;
}

function typeInto(selector: string, value: string): void {
  const field = get<HTMLInputElement | HTMLTextAreaElement>(editor, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function choose(selector: string, value: string): void {
  const select = get<HTMLSelectElement>(editor, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
  await editor.updateComplete;
}

const savedCase = (state: string, extra: Record<string, unknown> = {}) => ({
  id: 'c1',
  state,
  title: '買い物に行けなくなった独居の女性',
  prefecture: '群馬県',
  person: { ageBand: '80-84', careLevel: '要支援2', household: '独居', housing: '', health: '' },
  activities: [{ activity: '買い物', level: '一部介助', canDo: '商品を選ぶ', difficulty: '重い物を運ぶ' }],
  wishes: '',
  supports: [],
  questions: '',
  ...extra,
});

beforeEach(() => {
  fetchMock = fakePage();
});

afterEach(() => {
  editor?.remove();
  store?.dispose();
  restorePage();
});

describe('case editor', () => {
  test('renders the Japanese form with the stable ids and a new case shows as 下書き', async () => {
    await mount();
    for (const id of [
      'case-title', 'case-prefecture', 'case-age-band', 'case-care-level', 'case-household', 'case-housing',
      'case-health', 'case-wishes', 'case-questions', 'activity-0-activity', 'activity-0-level', 'activity-0-cando',
      'activity-0-difficulty', 'add-activity', 'case-save', 'case-submit', 'case-state', 'case-pii-summary',
    ]) {
      expect(editor.querySelector(`#${id}`), id).not.toBeNull();
    }
    expect(get<HTMLSelectElement>(editor, '#case-prefecture').options).toHaveLength(48);
    expect([...get<HTMLSelectElement>(editor, '#activity-0-level').options].map((o) => o.value).slice(1)).toEqual([
      '自立', '見守り', '一部介助', '全介助',
    ]);
    expect(get(editor, '#case-state').textContent).toBe('下書き');
    expect(get(editor, 'label[for="case-title"]').textContent?.trim()).toBe('事例タイトル');
    expect(get(editor, '#case-submit').textContent?.trim()).toBe('提出');
    expect(editor.querySelector('[style]')).toBeNull();
  });

  test('typing is checked for PII once, 400 ms after the last keystroke, with the whole sheet', async () => {
    fetchMock.mockImplementation(async () => json(200, { findings: [] }));
    await mount();

    typeInto('#case-title', '買い物');
    await vi.advanceTimersByTimeAsync(200);
    typeInto('#case-housing', '2階建ての持ち家');
    await vi.advanceTimersByTimeAsync(399);
    expect(calls('/api/v1/privacy/check')).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1);
    const checks = calls('/api/v1/privacy/check');
    expect(checks).toHaveLength(1);
    expect(bodyOf(checks[0])).toMatchObject({ title: '買い物', person: { housing: '2階建ての持ち家' } });
    expect(checks[0].headers).toMatchObject({ Authorization: 'Bearer tok-1' });
  });

  test('findings from the privacy check are highlighted in the field mirror with a message per kind', async () => {
    const housing = '自宅の電話は 027-123-4567 です';
    const phone: PiiFinding = { field: 'person.housing', start: 7, end: 19, kind: 'phone' };
    const name: PiiFinding = { field: 'activities[0].difficulty', start: 0, end: 4, kind: 'person_name' };
    fetchMock.mockImplementation(async () => json(200, { findings: [phone, name] }));
    await mount();

    typeInto('#case-housing', housing);
    typeInto('#activity-0-difficulty', '田中さんに頼めない');
    await vi.advanceTimersByTimeAsync(400);
    await vi.waitFor(() => expect(editor.querySelectorAll('mark.pii')).toHaveLength(2), PATIENCE_MS);

    const mirror = get(editor, '[data-field="person.housing"].pii-mirror');
    expect(get(mirror, 'mark.pii').textContent).toBe('027-123-4567');
    expect(mirror.textContent).toBe(housing);
    expect(get(editor, '#case-housing-pii').textContent).toContain('電話番号の可能性があります');
    expect(get(editor, '#case-housing').getAttribute('aria-invalid')).toBe('true');
    expect(get(editor, '#case-housing').getAttribute('aria-describedby')).toBe('case-housing-pii');
    expect(get(editor, '[data-field="activities[0].difficulty"] mark.pii').textContent).toBe('田中さん');
    expect(get(editor, '#activity-0-difficulty-pii').textContent).toContain('人名の可能性があります');
    expect(get(editor, '#case-pii-summary').textContent).toContain('個人情報の可能性がある箇所: 2件');
  });

  test('a newer check wins over a slower older one', async () => {
    let resolveFirst: (r: Response) => void = () => {};
    fetchMock
      .mockImplementationOnce(() => new Promise((resolve) => (resolveFirst = resolve)))
      .mockImplementationOnce(async () => json(200, { findings: [] }));
    await mount();

    typeInto('#case-title', '山田様');
    await vi.advanceTimersByTimeAsync(400);
    typeInto('#case-title', '買い物');
    await vi.advanceTimersByTimeAsync(400);
    resolveFirst(json(200, { findings: [{ field: 'title', start: 0, end: 3, kind: 'person_name' }] }));
    await settle();

    expect(editor.querySelector('mark.pii')).toBeNull();
  });

  test('submit saves a new case, then shows the server 422 findings inline and announces them', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/cases' && init?.method === 'POST') return json(201, savedCase('draft', bodyOf(init)));
      if (url === '/api/v1/cases/c1/submit') {
        return json(422, {
          error: {
            code: 'pii_found',
            message: 'personal information found',
            details: [{ field: 'activities[0].difficulty', start: 0, end: 4, kind: 'person_name' }],
          },
        });
      }
      return json(200, { findings: [] });
    });
    await mount();
    typeInto('#case-title', '買い物に行けなくなった独居の女性');
    typeInto('#activity-0-difficulty', '佐藤さんの家まで歩けない');

    get<HTMLButtonElement>(editor, '#case-submit').click();
    await vi.waitFor(() => expect(editor.querySelector('mark.pii')).not.toBeNull(), PATIENCE_MS);

    expect(calls('/api/v1/cases')[0].method).toBe('POST');
    expect(bodyOf(calls('/api/v1/cases')[0])).toMatchObject({ title: '買い物に行けなくなった独居の女性' });
    expect(calls('/api/v1/cases/c1/submit')).toHaveLength(1);
    expect(get(editor, '[data-field="activities[0].difficulty"] mark.pii').textContent).toBe('佐藤さん');
    const notice = get(editor, '#case-notice');
    expect(notice.getAttribute('aria-live')).toBe('polite');
    expect(notice.textContent).toContain('提出できません');
    expect(get(editor, '#case-pii-summary').textContent).toContain('1件');
    expect(get(editor, '#case-state').textContent).toBe('下書き');
  });

  test('a clean submit of a saved case PUTs the edits and shows 提出済み', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/cases/c1' && init?.method === 'GET') return json(200, savedCase('draft'));
      if (url === '/api/v1/cases/c1' && init?.method === 'PUT') return json(200, savedCase('draft', bodyOf(init)));
      if (url === '/api/v1/cases/c1/submit') return json(200, savedCase('submitted'));
      return json(200, { findings: [] });
    });
    await mount();
    await store.load('c1');
    await settle();
    expect(get<HTMLInputElement>(editor, '#case-title').value).toBe('買い物に行けなくなった独居の女性');
    expect(get<HTMLSelectElement>(editor, '#activity-0-level').value).toBe('一部介助');

    typeInto('#case-wishes', '自分で選んで買い物を続けたい');
    get<HTMLButtonElement>(editor, '#case-submit').click();
    await vi.waitFor(() => expect(get(editor, '#case-state').textContent).toBe('提出済み'), PATIENCE_MS);

    expect(bodyOf(calls('/api/v1/cases/c1').find((c) => c.method === 'PUT')!)).toMatchObject({
      wishes: '自分で選んで買い物を続けたい',
    });
    expect(get(editor, '#case-notice').textContent?.trim()).toBe('提出しました');
  });

  test('saving a draft the server refuses for PII keeps the text, and each finding in the summary focuses its field', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/cases/c1' && init?.method === 'GET') return json(200, savedCase('draft'));
      if (url === '/api/v1/cases/c1' && init?.method === 'PUT') {
        return json(422, {
          error: {
            code: 'pii_found',
            message: 'personal information found',
            details: [{ field: 'wishes', start: 4, end: 17, kind: 'phone' }],
          },
        });
      }
      return json(200, { findings: [] });
    });
    await mount();
    await store.load('c1');
    await settle();

    typeInto('#case-wishes', '連絡先は090-1234-5678です');
    get<HTMLButtonElement>(editor, '#case-save').click();
    await vi.waitFor(() => expect(editor.querySelector('[data-field="wishes"] mark.pii')).not.toBeNull(), PATIENCE_MS);

    expect(get(editor, '#case-notice').textContent).toContain('保存できません');
    expect(get<HTMLTextAreaElement>(editor, '#case-wishes').value).toBe('連絡先は090-1234-5678です');
    expect(store.sheet.wishes).toBe('連絡先は090-1234-5678です');
    const pick = get<HTMLButtonElement>(editor, '#case-pii-summary li[data-field="wishes"] button');
    expect(pick.textContent).toContain('本人の意向・目指す姿');
    pick.click();
    expect(document.activeElement).toBe(get(editor, '#case-wishes'));
  });

  test('a refused save inside submit says the submit was refused and submits nothing', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/cases' && init?.method === 'POST') {
        return json(422, {
          error: { code: 'pii_found', message: 'found', details: [{ field: 'title', start: 0, end: 4, kind: 'person_name' }] },
        });
      }
      return json(200, { findings: [] });
    });
    await mount();
    typeInto('#case-title', '佐藤さんの買い物');
    get<HTMLButtonElement>(editor, '#case-submit').click();
    await vi.waitFor(() => expect(get(editor, '#case-notice').textContent).toContain('提出できません'), PATIENCE_MS);

    expect(calls('/api/v1/cases')).toHaveLength(1);
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/submit'))).toBe(false);
    expect(get<HTMLInputElement>(editor, '#case-title').value).toBe('佐藤さんの買い物');
  });

  test('a submitted case opens read-only with the reason, no save or submit, and a way to a meeting', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/cases/c1' && init?.method === 'GET') return json(200, savedCase('submitted'));
      return json(200, { findings: [] });
    });
    await mount();
    await store.load('c1');
    await settle();

    expect(get(editor, '#case-read-only').textContent).toContain('提出済みのため編集できません');
    expect(get(editor, '#case-heading').textContent?.trim()).toBe('事例');
    expect(editor.querySelector('#case-save')).toBeNull();
    expect(editor.querySelector('#case-submit')).toBeNull();
    expect(editor.querySelector('#add-activity')).toBeNull();
    expect(get<HTMLInputElement>(editor, '#case-title').readOnly).toBe(true);
    expect(get<HTMLSelectElement>(editor, '#activity-0-activity').disabled).toBe(true);
    expect(get<HTMLInputElement>(editor, '#case-title').value).toBe('買い物に行けなくなった独居の女性');
    expect(get(editor, '#case-create-meeting').getAttribute('href')).toBe('/#/meetings/new?case=c1');
  });

  test.each([
    ['scheduled', '会議の議題になっているため編集できません'],
    ['discussed', '会議で検討済みのため編集できません'],
    ['published', '公開済みのため編集できません'],
    ['withdrawn', '取り下げたため編集できません'],
  ])('a %s case opens read-only saying why', async (state, reason) => {
    fetchMock.mockImplementation(async () => json(200, savedCase(state)));
    await mount();
    await store.load('c1');
    await settle();
    expect(get(editor, '#case-read-only').textContent).toContain(reason);
    expect(editor.querySelector('#case-save')).toBeNull();
    expect(editor.querySelector('#case-create-meeting')).toBeNull();
  });

  test('a save the lifecycle no longer allows names the state, keeps the text and turns the form read-only', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/cases/c1' && init?.method === 'GET') return json(200, savedCase('draft'));
      if (url === '/api/v1/cases/c1' && init?.method === 'PUT') {
        return json(409, { error: { code: 'invalid_state', message: 'A case in state submitted cannot be edited', details: [{ state: 'submitted' }] } });
      }
      return json(200, { findings: [] });
    });
    await mount();
    await store.load('c1');
    await settle();

    typeInto('#case-wishes', '自分で選んで買い物を続けたい');
    get<HTMLButtonElement>(editor, '#case-save').click();
    await vi.waitFor(() => expect(editor.querySelector('#case-read-only')).not.toBeNull(), PATIENCE_MS);

    const notice = get(editor, '#case-notice').textContent ?? '';
    expect(notice).toContain('この事例は「提出済み」になっているため、この操作はできません');
    expect(notice).not.toContain('時間をおいて');
    expect(get<HTMLTextAreaElement>(editor, '#case-wishes').value).toBe('自分で選んで買い物を続けたい');
    expect(editor.querySelector('#case-save')).toBeNull();
  });

  test('a save that raced another write says so, never 時間をおいて再度お試しください', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/v1/cases/c1' && init?.method === 'GET') return json(200, savedCase('draft'));
      if (url === '/api/v1/cases/c1' && init?.method === 'PUT') {
        return json(409, { error: { code: 'edit_conflict', message: 'The case changed meanwhile' } });
      }
      return json(200, { findings: [] });
    });
    await mount();
    await store.load('c1');
    await settle();

    get<HTMLButtonElement>(editor, '#case-save').click();
    await vi.waitFor(() => expect(get(editor, '#case-notice').textContent).toContain('ほかの人がこの事例を先に更新した'), PATIENCE_MS);
    expect(editor.querySelector('#case-save')).not.toBeNull();
  });

  test('activity rows can be added and removed; selects write to the sheet', async () => {
    fetchMock.mockImplementation(async () => json(200, { findings: [] }));
    await mount();
    choose('#activity-0-activity', '買い物');
    choose('#activity-0-level', '見守り');

    get<HTMLButtonElement>(editor, '#add-activity').click();
    await editor.updateComplete;
    expect(editor.querySelector('#activity-1-activity')).not.toBeNull();
    expect(store.sheet.activities).toHaveLength(2);
    choose('#activity-1-activity', '調理');
    typeInto('#activity-1-cando', '味付け');
    await editor.updateComplete;

    get<HTMLButtonElement>(editor, '#activity-0-remove').click();
    await editor.updateComplete;
    expect(editor.querySelector('#activity-1-activity')).toBeNull();
    expect(store.sheet.activities).toEqual([{ activity: '調理', level: '', canDo: '味付け', difficulty: '' }]);
    expect(get<HTMLSelectElement>(editor, '#activity-0-activity').value).toBe('調理');
    expect(get<HTMLSelectElement>(editor, '#activity-0-level').value).toBe('');
    expect(get<HTMLTextAreaElement>(editor, '#activity-0-cando').value).toBe('味付け');
  });

  test('saving without a title asks for one and does not call the server', async () => {
    await mount();
    get<HTMLButtonElement>(editor, '#case-save').click();
    await settle();
    expect(get(editor, '#case-notice').textContent?.trim()).toBe('事例タイトルを入力してください');
    expect(calls('/api/v1/cases')).toHaveLength(0);
  });
});

describe('PII segments', () => {
  test('split text into plain and flagged runs, clamping stale offsets and merging overlaps', () => {
    const f = (start: number, end: number): PiiFinding => ({ field: 'x', start, end, kind: 'phone' });
    expect(segments('abcdef', [f(1, 3)]).map((s) => [s.text, s.finding !== null])).toEqual([
      ['a', false], ['bc', true], ['def', false],
    ]);
    expect(segments('abc', [f(2, 10)]).map((s) => s.text)).toEqual(['ab', 'c']);
    expect(segments('abcdef', [f(0, 4), f(2, 5)]).map((s) => s.text)).toEqual(['abcd', 'e', 'f']);
    expect(segments('abc', [f(5, 8)]).map((s) => s.text)).toEqual(['abc']);
  });
});
