import type { NewMeeting } from '../../net/meeting-api';
import type { CaseFile, Meeting } from '../../net/protocol';
import { localeStore } from '../../state/locale-store';
import { get, waitFor } from '../../test-support/dom';
import './meeting-create';
import type { MeetingCreate } from './meeting-create';

/* The create form: its cases as checkboxes in the order ticked, and the optional call link (https only, checked before anything is sent). */

const submitted = { id: 'c1', title: '買い物に行けなくなった独居の女性', state: 'submitted' } as CaseFile;
const second = { id: 'c2', title: '調理が難しくなった男性', state: 'submitted' } as CaseFile;
const third = { id: 'c3', title: '通いの場に行けなくなった女性', state: 'submitted' } as CaseFile;
let requests: NewMeeting[];
let form: MeetingCreate;

async function mount(cases: CaseFile[] = [submitted], caseId: string | null = null): Promise<void> {
  requests = [];
  form = document.createElement('yoriai-meeting-create');
  form.canCreate = true;
  form.caseId = caseId;
  form.cases = { list: async () => cases };
  form.meetings = {
    create: async (request) => {
      requests.push(request);
      return { id: 'm9' } as Meeting;
    },
  };
  document.body.append(form);
  await waitFor(() => form.querySelector('#meeting-cases input[type="checkbox"]'));
  get<HTMLInputElement>(form, '#meeting-title').value = '買い物支援を考える会';
  get<HTMLInputElement>(form, '#meeting-starts-at').value = '2026-12-01T10:00';
}

async function tick(caseId: string): Promise<void> {
  get<HTMLInputElement>(form, `#meeting-cases input[value="${caseId}"]`).click();
  await form.updateComplete;
}

function orders(): Record<string, string> {
  return Object.fromEntries([...form.querySelectorAll('.case-pick')].map((li) => [
    li.getAttribute('data-case-id'), li.querySelector('.case-pick__order')?.textContent ?? '',
  ]));
}

beforeEach(() => localeStore.set('ja'));
afterEach(() => form?.remove());

describe('meeting create: the call link', () => {
  test('an http or malformed link is refused in the form and nothing is sent', async () => {
    await mount();
    await tick('c1');
    const url = get<HTMLInputElement>(form, '#meeting-call-url');
    for (const bad of ['http://meet.example.jp/abc', 'javascript:alert(1)', 'meet.example.jp']) {
      url.value = bad;
      get<HTMLButtonElement>(form, '#meeting-create-submit').click();
      await form.updateComplete;
      expect(get(form, '#meeting-call-url-error').textContent).toBe('通話のURLは https:// で始まるリンクを入力してください');
      expect(url.getAttribute('aria-invalid')).toBe('true');
    }
    expect(requests).toEqual([]);
  });

  test('an https link is sent as callUrl; an empty one is left out', async () => {
    await mount();
    await tick('c1');
    get<HTMLInputElement>(form, '#meeting-call-url').value = ' https://meet.example.jp/abc ';
    get<HTMLButtonElement>(form, '#meeting-create-submit').click();
    await waitFor(() => requests.length === 1);
    expect(requests[0].callUrl).toBe('https://meet.example.jp/abc');
    form.remove();

    await mount();
    await tick('c1');
    get<HTMLButtonElement>(form, '#meeting-create-submit').click();
    await waitFor(() => requests.length === 1);
    expect('callUrl' in requests[0]).toBe(false);
  });
});

describe('meeting create: choosing the cases', () => {
  test('each case is a checkbox; the agenda is the order they were ticked, numbered beside each and listed', async () => {
    await mount([submitted, second, third]);
    expect(form.querySelector('select')).toBeNull();

    await tick('c3');
    await tick('c1');
    await tick('c2');
    await tick('c3');
    expect(orders()).toEqual({ c1: '議題 1', c2: '議題 2', c3: '' });
    expect([...form.querySelectorAll('#meeting-agenda li')].map((li) => li.textContent)).toEqual([
      '買い物に行けなくなった独居の女性', '調理が難しくなった男性',
    ]);

    get<HTMLButtonElement>(form, '#meeting-create-submit').click();
    await waitFor(() => requests.length === 1);
    expect(requests[0].caseIds).toEqual(['c1', 'c2']);
  });

  test('a case handed over from its page starts ticked as item 1; one not among the submitted cases is ignored', async () => {
    await mount([submitted, second], 'c2');
    await waitFor(() => orders().c2 === '議題 1');
    expect(get<HTMLInputElement>(form, '#meeting-cases input[value="c2"]').checked).toBe(true);
    await tick('c1');
    expect(orders()).toEqual({ c1: '議題 2', c2: '議題 1' });
    form.remove();

    await mount([submitted], 'gone');
    await form.updateComplete;
    expect(orders()).toEqual({ c1: '' });
    expect(get(form, '#meeting-case-unavailable').textContent).toContain('提出済みの一覧にないため選べません');
    get<HTMLButtonElement>(form, '#meeting-create-submit').click();
    await form.updateComplete;
    expect(get(form, '#meeting-form-error').textContent).toBe('会議名・事例・開始日時を入力してください');
    expect(requests).toEqual([]);
  });
});
