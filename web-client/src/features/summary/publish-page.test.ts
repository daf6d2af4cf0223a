import type { ArchiveEntry } from '../../net/archive-api';
import { ApiError } from '../../net/http';
import type { MeetingApi, Publication } from '../../net/meeting-api';
import { localeStore } from '../../state/locale-store';
import { get, waitFor } from '../../test-support/dom';
import './publish-page';
import type { PublishPage } from './publish-page';
import { textAt } from './publish-page';

/*
 * The publish page against a fake MeetingApi: the preview route (`GET /meetings/{id}/publication`)
 * is the server helper's, so these tests fix its shape as the client reads it.
 */

const entry = (id: string, title: string, extra: Partial<ArchiveEntry> = {}): ArchiveEntry => ({
  id, title, prefecture: '群馬県', provider: '', publishedAt: '2026-12-02T05:00:00Z',
  person: { ageBand: '80-84', careLevel: '要支援2', household: '独居', housing: '', health: '' },
  activities: [{ activity: '買い物', level: '一部介助', canDo: '商品を選べる', difficulty: '重い物を運べない' }],
  wishes: '自分で選んで買い物を続けたい', questions: '', supports: [],
  discussion: [{ seq: 7, phase: 'advice', label: '理学療法士A', text: '山田さんの家の前の坂がきつい', replyTo: null }],
  proposals: [{ proposalId: 'p1', proposedBy: '企業B', targetActivity: '買い物', type: 'market', description: '移動スーパー',
    keepsAbilities: '商品を自分で選ぶ', serviceId: 's1', cost: '', area: '', endorsements: 2, adopted: true }],
  summary: { direction: '移動を支えて買い物を続ける', regionalIssues: [{ text: '坂の多い地区', tags: ['移動'] }], missingResources: [], followUps: ['090-1234-5678 に連絡'] },
  ...extra,
});

let page: PublishPage;
let api: { publication: ReturnType<typeof vi.fn>; publish: ReturnType<typeof vi.fn> };

async function mount(): Promise<void> {
  page = document.createElement('yoriai-publish-page');
  page.api = api as unknown as Pick<MeetingApi, 'publication' | 'publish'>;
  page.meetingId = 'm1';
  document.body.append(page);
  await page.updateComplete;
}

const clean: Publication = { entries: [entry('c1', '買い物の事例'), entry('c2', '調理の事例', { summary: null })], findings: [] };

beforeEach(() => {
  localeStore.set('ja');
  api = { publication: vi.fn(async () => clean), publish: vi.fn(async () => clean.entries) };
});

afterEach(() => page?.remove());

describe('publish page', () => {
  test('shows every entry as the public will read it, one per case, with no finding', async () => {
    await mount();
    await waitFor(() => page.querySelector('.publish-entry'));

    expect(api.publication).toHaveBeenCalledWith('m1', expect.any(AbortSignal));
    expect(get(page, '#publish-heading').textContent).toBe('公開の確認');
    const entries = [...page.querySelectorAll('.publish-entry')];
    expect(entries.map((e) => e.getAttribute('data-entry-id'))).toEqual(['c1', 'c2']);
    expect(get(page, '#preview-0-title').textContent).toBe('事例 1: 買い物の事例');
    expect(get(page, '#preview-0-activities').textContent).toContain('重い物を運べない');
    expect(get(page, '#preview-0-discussion .remark__label').textContent).toBe('理学療法士A');
    expect(get(page, '#preview-0-proposals .badge--adopted').textContent).toBe('採用');
    expect(get(page, '#preview-0-summary').textContent).toContain('移動を支えて買い物を続ける');
    expect(page.querySelector('#preview-1-summary')).toBeNull();
    expect(page.querySelector('.redact')).toBeNull();
    expect(get(page, '#publish-findings').getAttribute('data-count')).toBe('0');
    expect(get(page, '#publish-submit').getAttribute('aria-disabled')).toBe('false');
    expect(get<HTMLAnchorElement>(page, '#publish-back').getAttribute('href')).toBe('/#/meetings/m1');
  });

  test('each finding shows its text and links to where it is fixed; publishing is blocked', async () => {
    api.publication.mockResolvedValue({
      entries: clean.entries,
      findings: [
        { caseId: 'c1', field: 'discussion[seq=7].text', start: 0, end: 4, kind: 'person_name' },
        { caseId: 'c1', field: 'summary.followUps[0]', start: 0, end: 13, kind: 'phone' },
        { caseId: 'c2', field: 'activities[0].canDo', start: 0, end: 2, kind: 'person_name' },
      ],
    });
    await mount();
    await waitFor(() => page.querySelector('.publish-finding'));

    const findings = [...page.querySelectorAll<HTMLElement>('.publish-finding')];
    expect(get(page, '#publish-findings').textContent).toContain('公開前に直す箇所: 3件');
    expect(get(findings[0], 'mark.pii').textContent).toBe('山田さん');
    expect(get<HTMLAnchorElement>(findings[0], '.publish-fix').getAttribute('href')).toBe('/#/meetings/m1');
    expect(get(findings[0], '.publish-fix').textContent).toContain('会議室でこの発言を非表示にする');
    expect(get(findings[1], 'mark.pii').textContent).toBe('090-1234-5678');
    expect(findings[1].textContent).toContain('まとめ / 今後の対応 1');
    expect(get(findings[1], '.publish-fix').textContent).toContain('まとめを修正する');
    expect(findings[2].textContent).toContain('事例 2: 調理の事例');
    expect(get<HTMLAnchorElement>(findings[2], '.publish-fix').getAttribute('href')).toBe('/#/cases/c2');

    expect(get(page, '#publish-submit').getAttribute('aria-disabled')).toBe('true');
    get<HTMLButtonElement>(page, '#publish-submit').click();
    await page.updateComplete;
    expect(api.publish).not.toHaveBeenCalled();
  });

  test('公開する publishes and then links to each public entry', async () => {
    await mount();
    await waitFor(() => page.querySelector('.publish-entry'));

    get<HTMLButtonElement>(page, '#publish-submit').click();
    await waitFor(() => page.querySelector('.published-entry'));

    expect(api.publish).toHaveBeenCalledWith('m1');
    expect(get(page, '#publish-notice').textContent?.trim()).toBe('公開しました');
    expect([...page.querySelectorAll('.published-entry')].map((a) => a.getAttribute('href'))).toEqual(['/archive/cases/c1', '/archive/cases/c2']);
  });

  test('a publish refused for personal information reads the preview again to show where', async () => {
    api.publish.mockRejectedValue(new ApiError(422, 'pii_found', 'personal information', [{ field: 'summary.direction', start: 0, end: 2, kind: 'person_name' }]));
    await mount();
    await waitFor(() => page.querySelector('.publish-entry'));
    api.publication.mockResolvedValue({ ...clean, findings: [{ caseId: 'c1', field: 'summary.direction', start: 0, end: 2, kind: 'person_name' }] });

    get<HTMLButtonElement>(page, '#publish-submit').click();
    await waitFor(() => page.querySelector('.publish-finding'));

    expect(get(page, '#publish-notice').textContent).toContain('公開できません');
    expect(api.publication).toHaveBeenCalledTimes(2);
  });

  test('before the meeting is closed the page says so', async () => {
    api.publication.mockRejectedValue(new ApiError(409, 'not_closed', 'Close the meeting first'));
    await mount();
    await waitFor(() => page.querySelector('#publish-error'));
    expect(get(page, '#publish-error').textContent).toBe('会議の終了後に公開できます');
    expect(page.querySelector('#publish-submit')).toBeNull();
  });

  test('textAt finds a finding\'s text by the server\'s paths', () => {
    const e = entry('c1', 't');
    expect(textAt(e, 'discussion[seq=7].text')).toBe('山田さんの家の前の坂がきつい');
    expect(textAt(e, 'proposals[p1].description')).toBe('移動スーパー');
    expect(textAt(e, 'activities[0].difficulty')).toBe('重い物を運べない');
    expect(textAt(e, 'summary.regionalIssues[0].tags[0]')).toBe('移動');
    expect(textAt(e, 'summary.nothing')).toBe('');
  });
});
