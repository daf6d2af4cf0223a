import type { ArchiveApi, ArchiveEntry, ArchiveRedaction } from '../../net/archive-api';
import { ApiError } from '../../net/http';
import { localeStore } from '../../state/locale-store';
import { get, waitFor } from '../../test-support/dom';
import './archive-entry';
import type { ArchiveEntryPage } from './archive-entry';

/* The 削除 (redact) buttons of the archive entry page, with a fake archive API playing the server. */

const entry: ArchiveEntry = {
  id: 'a1',
  title: '買い物に行けなくなった独居の女性',
  prefecture: '群馬県',
  provider: '高崎市',
  publishedAt: '2026-03-01T09:00:00+09:00',
  person: { ageBand: '80-84', careLevel: '要支援2', household: '独居', housing: '坂の上の一戸建て', health: '' },
  activities: [],
  wishes: '自分で選んで買い物を続けたい',
  questions: '',
  supports: [],
  discussion: [
    { seq: 4, phase: 'questions', label: '理学療法士A', text: '青い屋根の家の前の坂で休んでいる方です', replyTo: null },
    { seq: 5, phase: 'questions', label: '司会', text: '坂は約200メートルです', replyTo: 4 },
  ],
  proposals: [],
  summary: null,
};

type Api = Pick<ArchiveApi, 'entry' | 'similar' | 'redactions' | 'redact'>;

function fakeApi(mayRedact: boolean): Api & { redact: ReturnType<typeof vi.fn> } {
  const trail: ArchiveRedaction[] = [];
  let current = entry;
  return {
    entry: vi.fn(async () => current),
    similar: vi.fn(async () => []),
    redactions: vi.fn(async () => {
      if (!mayRedact) throw new ApiError(403, 'forbidden', 'Only the host');
      return [...trail];
    }),
    redact: vi.fn(async (id: string, path: string, reason: string) => {
      if (reason === '失敗') throw new ApiError(400, 'invalid', 'No text of this entry has that path');
      current = {
        ...current,
        discussion: current.discussion.map((r) => (`discussion[seq=${r.seq}].text` === path ? { ...r, text: '（削除されました）' } : r)),
      };
      trail.push({ entryId: id, path, by: 'host-1', reason, at: '2026-03-02T09:00:00+09:00' });
      return current;
    }),
  };
}

async function mount(api: Api, canRedact: boolean): Promise<ArchiveEntryPage> {
  const page = document.createElement('yoriai-archive-entry');
  page.canRedact = canRedact;
  page.api = api;
  page.entryId = 'a1';
  document.body.append(page);
  await waitFor(() => page.querySelector('.remark__text'));
  return page;
}

beforeEach(() => {
  localeStore.set('ja');
  document.body.innerHTML = '';
});

describe('redacting an archive entry', () => {
  test('the host sees 削除 per text, gives a reason, and the remark reads （削除されました） with the record listed', async () => {
    const api = fakeApi(true);
    const page = await mount(api, true);
    const button = await waitFor(() => page.querySelector<HTMLButtonElement>('button.redact[data-path="discussion[seq=4].text"]'));
    expect(button.textContent?.trim()).toBe('削除');
    expect(page.querySelector('button.redact[data-path="wishes"]')).not.toBeNull();
    expect(page.querySelector('button.redact[data-path="person.housing"]')).not.toBeNull();

    button.click();
    const form = await waitFor(() => page.querySelector<HTMLFormElement>('form.redact-form'));
    const confirm = get<HTMLButtonElement>(form, '.redact-form__confirm');
    expect(confirm.disabled).toBe(true);
    const reason = get<HTMLTextAreaElement>(form, '#redact-reason');
    reason.value = 'ご本人が特定されるとの申し出';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => !confirm.disabled);
    confirm.click();

    await waitFor(() => page.querySelector('li.remark[data-seq="4"] .remark__text')?.textContent === '（削除されました）');
    expect(api.redact).toHaveBeenCalledWith('a1', 'discussion[seq=4].text', 'ご本人が特定されるとの申し出');
    expect(page.querySelector('form.redact-form')).toBeNull();
    expect(page.querySelector('button.redact[data-path="discussion[seq=4].text"]')).toBeNull();
    expect(page.querySelector('button.redact[data-path="discussion[seq=5].text"]')).not.toBeNull();
    const record = await waitFor(() => page.querySelector('#entry-redactions li.redaction'));
    expect(record.textContent).toContain('ご本人が特定されるとの申し出');
  });

  test('a refused redaction says why and keeps the form; cancelling closes it', async () => {
    const page = await mount(fakeApi(true), true);
    (await waitFor(() => page.querySelector<HTMLButtonElement>('button.redact[data-path="wishes"]'))).click();
    const reason = await waitFor(() => page.querySelector<HTMLTextAreaElement>('#redact-reason'));
    reason.value = '失敗';
    reason.dispatchEvent(new Event('input', { bubbles: true }));
    const confirm = get<HTMLButtonElement>(page, '.redact-form__confirm');
    await waitFor(() => !confirm.disabled);
    confirm.click();

    await waitFor(() => page.querySelector('.redact-form [role="alert"]'));
    get<HTMLButtonElement>(page, '.redact-form__cancel').click();
    await waitFor(() => page.querySelector('form.redact-form') === null);
    expect(get(page, '#entry-wishes').textContent).toBe('自分で選んで買い物を続けたい');
  });

  test('readers without the right, and visitors without a token, see no 削除 button', async () => {
    const signedOut = fakeApi(true);
    const visitor = await mount(signedOut, false);
    expect(visitor.querySelector('button.redact')).toBeNull();
    expect(signedOut.redactions).not.toHaveBeenCalled();

    document.body.innerHTML = '';
    const stranger = await mount(fakeApi(false), true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stranger.querySelector('button.redact')).toBeNull();
  });
});
