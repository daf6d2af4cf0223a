import type { NewMeeting } from '../../net/meeting-api';
import type { CaseFile, Meeting } from '../../net/protocol';
import { localeStore } from '../../state/locale-store';
import { get, waitFor } from '../../test-support/dom';
import './meeting-create';
import type { MeetingCreate } from './meeting-create';

/* The create form's optional call link: https only, checked before anything is sent. */

const submitted = { id: 'c1', title: '買い物に行けなくなった独居の女性', state: 'submitted' } as CaseFile;
let requests: NewMeeting[];
let form: MeetingCreate;

async function mount(): Promise<void> {
  requests = [];
  form = document.createElement('yoriai-meeting-create');
  form.canCreate = true;
  form.cases = { list: async () => [submitted] };
  form.meetings = {
    create: async (request) => {
      requests.push(request);
      return { id: 'm9' } as Meeting;
    },
  };
  document.body.append(form);
  await waitFor(() => form.querySelector('#meeting-cases option'));
  get<HTMLInputElement>(form, '#meeting-title').value = '買い物支援を考える会';
  get<HTMLOptionElement>(form, '#meeting-cases option').selected = true;
  get<HTMLInputElement>(form, '#meeting-starts-at').value = '2026-12-01T10:00';
}

beforeEach(() => localeStore.set('ja'));
afterEach(() => form?.remove());

describe('meeting create: the call link', () => {
  test('an http or malformed link is refused in the form and nothing is sent', async () => {
    await mount();
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
    get<HTMLInputElement>(form, '#meeting-call-url').value = ' https://meet.example.jp/abc ';
    get<HTMLButtonElement>(form, '#meeting-create-submit').click();
    await waitFor(() => requests.length === 1);
    expect(requests[0].callUrl).toBe('https://meet.example.jp/abc');
    form.remove();

    await mount();
    get<HTMLButtonElement>(form, '#meeting-create-submit').click();
    await waitFor(() => requests.length === 1);
    expect('callUrl' in requests[0]).toBe(false);
  });
});
