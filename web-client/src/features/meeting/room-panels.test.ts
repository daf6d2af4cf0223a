import type { ArchiveApi } from '../../net/archive-api';
import type { CatalogApi, CatalogSearchResult, CatalogService } from '../../net/catalog-api';
import { ApiError } from '../../net/http';
import type { MeetingApi, MeetingCase } from '../../net/meeting-api';
import type { Meeting, User } from '../../net/protocol';
import { LiveMeeting } from '../../state/live-meeting';
import { localeStore } from '../../state/locale-store';
import { get, waitFor } from '../../test-support/dom';
import { alice, bob, eventFrame, FakeSocketServer, host } from '../../test-support/fake-socket';
import './meeting-room';
import type { MeetingRoom } from './meeting-room';

/*
 * The room's panels beside the discussion: the agenda and case in focus, the proposal form with its
 * catalog picker, the proposal list, the comment-window banners and the call link. The real
 * LiveMeeting over the fake socket server; the REST reads (meeting, cases, catalog) are stubs.
 */

const DAY = 86_400_000;

function meetingWith(extra: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1', title: '買い物支援を考える会', caseIds: ['c1', 'c2'], visibility: 'open', hostId: 'u-host',
    state: 'scheduled', phase: null, phaseEndsAt: null,
    startsAt: new Date(Date.now() + DAY).toISOString(), commentOpensAt: new Date(Date.now() - DAY).toISOString(),
    ...extra,
  };
}

const first: MeetingCase = {
  id: 'c1', title: '買い物に行けなくなった独居の女性', prefecture: '群馬県',
  person: { ageBand: '80-84', gender: 'female', careLevel: '要支援2', household: '独居', housing: '坂の上の一戸建て', health: '膝に痛み' },
  activities: [{ activity: '買い物', level: '一部介助', canDo: '近所の店までは歩いて行ける', difficulty: '重い荷物を持ち帰れない' }],
  wishes: '自分で選んで買い物を続けたい', supports: [{ kind: 'informal', description: '近所の方が週1回声かけ' }],
  questions: '移動手段の工夫を知りたい',
  assessment: { movement: { intention: '歩いて出かけたい', issue: '坂道で休憩が必要' } },
};
const second: MeetingCase = { ...first, id: 'c2', title: '調理が難しくなった高齢夫婦', assessment: {} };

function service(id: string, name: string): CatalogService {
  return { id, name, provider: '株式会社みらい商店', category: '移動販売', description: '', areas: [], price: '', howToUse: '',
    contactUrl: '', proposedCount: 0, adoptedCount: 0 };
}

const local = service('s-local', 'みらい号 移動スーパー');
const elsewhere = service('s-far', 'となり県の配食');

/** Answers the prefecture search with the local service and the open search with both. */
function fakeCatalog(searches: Record<string, string>[]): Pick<CatalogApi, 'search' | 'get'> {
  return {
    search: async (params): Promise<CatalogSearchResult> => {
      searches.push({ ...params });
      const services = params.prefecture ? [local] : [elsewhere, local];
      return { total: services.length, page: 1, size: 10, services };
    },
    get: async (id) => [local, elsewhere].find((s) => s.id === id)!,
  };
}

const me: User = {
  id: alice.accountId, email: 'pt@example.jp', displayName: alice.displayName, role: 'professional',
  organization: { name: '地域包括支援センター', kind: 'support_center', prefecture: '群馬県' }, profession: '理学療法士',
};

let server: FakeSocketServer;
let session: LiveMeeting;
let room: MeetingRoom;

interface Options {
  cases?: Pick<MeetingApi, 'cases'>;
  catalog?: Pick<CatalogApi, 'search' | 'get'>;
  similar?: Pick<ArchiveApi, 'similarToCase'>;
  /** What a second read of the meeting answers. */
  reread?: Meeting;
  /** Who enters; the 理学療法士 unless said. */
  me?: User;
}

async function enter(meeting: Meeting, options: Options = {}) {
  server = new FakeSocketServer();
  let reads = 0;
  const get = async () => (reads++ > 0 && options.reread ? options.reread : meeting);
  session = new LiveMeeting({ meetingId: 'm1', me: options.me ?? me, token: () => 'tok', api: { get }, factory: server.factory, url: 'ws://test/ws' });
  room = document.createElement('yoriai-meeting-room');
  room.meeting = session;
  room.cases = options.cases ?? { cases: async () => [first, second] };
  room.catalog = options.catalog;
  room.similar = options.similar;
  document.body.append(room);
  await session.start();
  server.latest.accept().push({ type: 'joined', meetingId: 'm1', seq: 0, participants: [alice, bob] });
  await room.updateComplete;
}

beforeEach(() => localeStore.set('ja'));

afterEach(() => {
  session?.stop();
  room?.remove();
});

describe('the case in focus', () => {
  test('the agenda lists the cases in order with the first in focus, and the panel shows its sheet in Japanese', async () => {
    await enter(meetingWith());
    const title = await waitFor(() => room.querySelector('#case-panel-title'));

    const items = [...room.querySelectorAll('#agenda li.agenda__item')];
    expect(items.map((li) => li.getAttribute('data-case-id'))).toEqual(['c1', 'c2']);
    expect(items.map((li) => li.getAttribute('aria-current'))).toEqual(['true', 'false']);
    expect(items[1].textContent).toContain('調理が難しくなった高齢夫婦');
    expect(title.textContent).toBe('買い物に行けなくなった独居の女性');
    const person = get(room, '#case-panel-person').textContent ?? '';
    for (const shown of ['80-84歳', '女性', '要支援2', '独居', '坂の上の一戸建て', '膝に痛み']) expect(person).toContain(shown);
    const row = get(room, '#case-panel-activities tbody tr');
    expect(get(row, 'th[scope="row"]').textContent).toBe('買い物');
    expect(get(row, '.decomposition__can').textContent).toBe('近所の店までは歩いて行ける');
    expect(get(row, '.decomposition__hard').textContent).toBe('重い荷物を持ち帰れない');
    expect([...room.querySelectorAll('#case-panel-activities thead th')].map((th) => th.textContent))
      .toEqual(['生活行為', '自立度', 'できること', '難しいこと']);
    expect(get(room, '#case-panel-wishes').textContent).toBe('自分で選んで買い物を続けたい');
    expect(get(room, '#case-panel-questions').textContent).toBe('移動手段の工夫を知りたい');
    expect(get(room, '#case-panel-supports').textContent).toContain('近所の方が週1回声かけ');
    expect(get(room, '#case-panel-assessment [data-domain="movement"]').textContent).toContain('坂道で休憩が必要');
    expect(room.querySelector('[style]')).toBeNull();
  });

  test('the panel collapses and expands with its button, which says so with aria-expanded', async () => {
    await enter(meetingWith());
    await waitFor(() => room.querySelector('#case-panel-title'));
    const toggle = get<HTMLButtonElement>(room, '#case-panel-toggle');
    expect(toggle.getAttribute('aria-controls')).toBe('case-panel-body');

    toggle.click();
    await room.querySelector('yoriai-case-panel')!.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(get(room, '#case-panel-body').hidden).toBe(true);
    toggle.click();
    await room.querySelector('yoriai-case-panel')!.updateComplete;
    expect(get(room, '#case-panel-body').hidden).toBe(false);
  });

  test('a refused read says why instead of a sheet', async () => {
    await enter(meetingWith(), { cases: { cases: async () => Promise.reject(new ApiError(403, 'forbidden', 'no')) } });
    const status = await waitFor(() => room.querySelector('#case-panel-status')?.textContent?.includes('事例を読み込めませんでした') && room.querySelector('#case-panel-status'));
    expect(status.getAttribute('role')).toBe('status');
  });
});

describe('similar past cases beside the case', () => {
  const similar = (asked: string[]): Pick<ArchiveApi, 'similarToCase'> => ({
    similarToCase: async (caseId) => {
      asked.push(caseId);
      return [{ id: 'a1', title: '買い物に行けなくなった事例', snippet: '', prefecture: '群馬県', careLevel: '', household: '', publishedAt: '2026-11-01T00:00:00Z', score: 1 }];
    },
  });

  test('the panel lists the entries like the case in focus', async () => {
    const asked: string[] = [];
    await enter(meetingWith(), { similar: similar(asked) });
    await waitFor(() => room.querySelector('#similar-cases-list li[data-id="a1"]'));
    expect(asked).toEqual(['c1']);
  });

  test('with no case in focus there is no panel and nothing asks to save a case', async () => {
    const asked: string[] = [];
    await enter(meetingWith({ caseIds: [] }), { similar: similar(asked), cases: { cases: async () => [] } });
    await waitFor(() => room.querySelector('#agenda'));
    await room.updateComplete;
    expect(room.querySelector('yoriai-similar-cases')).toBeNull();
    expect(room.textContent).not.toContain('保存すると');
    expect(asked).toEqual([]);
  });
});

describe('the agenda moves with the host', () => {
  const hostUser: User = { ...me, id: host.accountId, displayName: host.displayName, role: 'municipality' };

  test('the host moves the focus to the next case; the room then shows that case with only its own discussion', async () => {
    await enter(meetingWith({ hostId: host.accountId }), { me: hostUser });
    await waitFor(() => room.querySelector('#case-panel-title'));
    const connection = server.latest;
    connection.push(eventFrame(1, 'message.posted', { messageId: 'msg-1', text: '一件目の意見です', phase: 'questions', caseId: 'c1' }));
    await room.updateComplete;
    expect(room.querySelector('#agenda button.agenda-focus[data-case-id="c1"]')).toBeNull();

    get<HTMLButtonElement>(room, '#agenda button.agenda-focus[data-case-id="c2"]').click();
    expect(connection.sent('focus')).toEqual([expect.objectContaining({ type: 'focus', caseId: 'c2' })]);
    expect(get(room, '#agenda li[data-case-id="c1"]').getAttribute('aria-current')).toBe('true');

    connection.push(eventFrame(2, 'case.focused', { caseId: 'c2', phase: 'presentation' }, host));
    connection.push(eventFrame(3, 'message.posted', { messageId: 'msg-2', text: '二件目の意見です', phase: 'presentation', caseId: 'c2' }));
    const title = await waitFor(() => room.querySelector('#case-panel-title')?.textContent === '調理が難しくなった高齢夫婦'
      && room.querySelector('#case-panel-title'));
    expect(title).not.toBeNull();
    expect(get(room, '#agenda li[data-case-id="c2"]').getAttribute('aria-current')).toBe('true');
    const texts = [...room.querySelectorAll('#message-list .message__text')].map((p) => p.textContent);
    expect(texts).toEqual(['二件目の意見です']);
  });

  test('once the meeting is closed the host shows another case to hide its messages or finish its まとめ', async () => {
    await enter(meetingWith({ hostId: host.accountId, state: 'closed', phase: 'closed', focusCaseId: 'c2' }), { me: hostUser });
    await waitFor(() => room.querySelector('#case-panel-title'));
    server.latest.push(eventFrame(1, 'message.posted', { messageId: 'msg-1', text: '一件目の意見です', phase: 'questions', caseId: 'c1' }));
    server.latest.push(eventFrame(2, 'message.posted', { messageId: 'msg-2', text: '二件目の意見です', phase: 'questions', caseId: 'c2' }));
    await waitFor(() => room.querySelector('#message-list .message__text'));
    expect(room.querySelector('#agenda button.agenda-focus')).toBeNull();
    expect(get(room, '#agenda li[data-case-id="c2"]').getAttribute('aria-current')).toBe('true');

    get<HTMLButtonElement>(room, '#agenda button.agenda-view[data-case-id="c1"]').click();

    await waitFor(() => room.querySelector('#case-panel-title')?.textContent === '買い物に行けなくなった独居の女性');
    expect([...room.querySelectorAll('#message-list .message__text')].map((p) => p.textContent)).toEqual(['一件目の意見です']);
    room.summaryApi = { updateSummary: vi.fn(), checkTexts: vi.fn(async () => []) };
    await room.updateComplete;
    expect(get(room, '#summary-editor').getAttribute('data-case-id')).toBe('c1');
    expect(server.latest.sent('focus')).toEqual([]);
  });

  test('a participant reads the agenda but has no button to move it', async () => {
    await enter(meetingWith({ hostId: host.accountId }));
    await waitFor(() => room.querySelector('#case-panel-title'));
    expect(room.querySelector('#agenda button.agenda-focus')).toBeNull();
  });
});

describe('proposals linked to the catalog', () => {
  test('the picker lists the case prefecture services first; the proposal carries the chosen service, cost and area', async () => {
    const searches: Record<string, string>[] = [];
    await enter(meetingWith(), { catalog: fakeCatalog(searches) });
    await waitFor(() => room.querySelectorAll('#proposal-service-results li.service-choice').length === 2);
    expect(searches).toContainEqual(expect.objectContaining({ prefecture: '群馬県' }));
    const choices = [...room.querySelectorAll('#proposal-service-results li.service-choice')];
    expect(choices.map((c) => c.getAttribute('data-service-id'))).toEqual(['s-local', 's-far']);
    expect(choices[0].textContent).toContain('群馬県');

    get<HTMLInputElement>(room, '#proposal-target').value = '買い物';
    get<HTMLSelectElement>(room, '#proposal-type').value = 'market';
    get<HTMLTextAreaElement>(room, '#proposal-description').value = '移動販売車が週2回自宅前に来る';
    get<HTMLTextAreaElement>(room, '#proposal-keeps').value = '自分で品物を選んで買える';
    get<HTMLInputElement>(choices[0], 'input[type="radio"]').click();
    get<HTMLInputElement>(room, '#proposal-cost').value = '商品代のみ';
    get<HTMLInputElement>(room, '#proposal-area').value = '高崎市';
    get<HTMLButtonElement>(room, '#proposal-submit').click();

    expect(server.latest.sent('propose')[0].proposal).toEqual({
      targetActivity: '買い物', type: 'market', description: '移動販売車が週2回自宅前に来る',
      keepsAbilities: '自分で品物を選んで買える', serviceId: 's-local', cost: '商品代のみ', area: '高崎市',
    });
  });

  test('a typed search asks the catalog by name and category', async () => {
    const searches: Record<string, string>[] = [];
    await enter(meetingWith(), { catalog: fakeCatalog(searches) });
    await waitFor(() => room.querySelector('#proposal-service-results li.service-choice'));
    const query = get<HTMLInputElement>(room, '#proposal-service-q');
    query.value = '移動スーパー';
    query.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    get<HTMLSelectElement>(room, '#proposal-service-category').value = '移動販売';
    get<HTMLSelectElement>(room, '#proposal-service-category').dispatchEvent(new Event('change'));

    await waitFor(() => searches.some((s) => s.q === '移動スーパー' && s.category === '移動販売' && !s.prefecture));
    expect(server.latest.sent('propose')).toEqual([]);
  });

  test('a proposal shows its type, what it keeps, cost, area and the linked service by name, linked to its page', async () => {
    await enter(meetingWith({ state: 'live', phase: 'proposals' }), { catalog: fakeCatalog([]) });
    server.latest.push(eventFrame(1, 'proposal.posted', {
      proposalId: 'p1', targetActivity: '買い物', type: 'market', description: '移動販売車', keepsAbilities: '自分で選ぶ',
      serviceId: 's-local', cost: '商品代のみ', area: '高崎市',
    }, bob));
    const link = await waitFor(() => room.querySelector<HTMLAnchorElement>('#proposal-list a.proposal-service[data-service-id="s-local"]')
      ?.textContent === 'みらい号 移動スーパー' && room.querySelector<HTMLAnchorElement>('#proposal-list a.proposal-service'));

    const proposal = get(room, '#proposal-list li.proposal');
    expect(link.getAttribute('href')).toBe('/catalog/services/s-local');
    expect(get(proposal, '.badge--type').getAttribute('data-type')).toBe('market');
    expect(get(proposal, '.badge--type').textContent).toBe('市場サービス');
    expect(get(proposal, '.proposal__keeps').textContent).toContain('自分で選ぶ');
    expect(get(proposal, '.proposal__cost').textContent).toContain('商品代のみ');
    expect(get(proposal, '.proposal__area').textContent).toContain('高崎市');
  });
});

describe('the comment window and the call', () => {
  test('before the live session comments are open under a 事前コメント banner', async () => {
    await enter(meetingWith());
    expect(get(room, '#comment-window').getAttribute('data-state')).toBe('before');
    expect(get(room, '#comment-window').textContent).toContain('事前コメント受付中');
    expect(get<HTMLTextAreaElement>(room, '#composer-text').disabled).toBe(false);
  });

  test('before the window opens the composer is closed and the banner says when it opens', async () => {
    await enter(meetingWith({ commentOpensAt: new Date(Date.now() + DAY).toISOString() }));
    expect(get(room, '#comment-window').getAttribute('data-state')).toBe('not-open');
    expect(get<HTMLTextAreaElement>(room, '#composer-text').disabled).toBe(true);
    expect(get<HTMLButtonElement>(room, '#proposal-submit').disabled).toBe(true);
  });

  test('after closing the composer stays open until commentClosesAt, then closes with the reason', async () => {
    const closedAt = new Date(Date.now() - DAY).toISOString();
    await enter(meetingWith({ state: 'closed', phase: 'closed', closedAt, commentClosesAt: new Date(Date.now() + DAY).toISOString() }));
    expect(get(room, '#comment-window').getAttribute('data-state')).toBe('after');
    expect(get(room, '#comment-window').textContent).toContain('事後コメントを受け付けています');
    expect(get<HTMLTextAreaElement>(room, '#composer-text').disabled).toBe(false);
    session.stop();
    room.remove();

    await enter(meetingWith({ state: 'closed', phase: 'closed', closedAt, commentClosesAt: new Date(Date.now() - 1000).toISOString() }));
    expect(get(room, '#comment-window').getAttribute('data-state')).toBe('ended');
    expect(get(room, '#comment-window').textContent).toContain('コメントの受付は');
    expect(get<HTMLTextAreaElement>(room, '#composer-text').disabled).toBe(true);
  });

  test('a meeting closed live reads itself again and the banner says until when comments stay open', async () => {
    const closesAt = new Date(Date.now() + 7 * DAY).toISOString();
    await enter(meetingWith({ state: 'live', phase: 'summary' }), {
      reread: meetingWith({ state: 'closed', phase: 'closed', commentClosesAt: closesAt }),
    });
    expect(room.querySelector('#comment-window')).toBeNull();

    server.latest.push(eventFrame(1, 'phase.changed', { from: 'summary', to: 'closed', endsAt: null }));
    const banner = await waitFor(() => room.querySelector('#comment-window[data-state="after"]'));
    await waitFor(() => banner.textContent?.includes('まで事後コメントを受け付けています'));
    expect(get<HTMLTextAreaElement>(room, '#composer-text').disabled).toBe(false);
  });

  test('a live meeting shows no banner; an https callUrl gives 通話に参加 in a new tab, anything else nothing', async () => {
    await enter(meetingWith({ state: 'live', phase: 'questions', callUrl: 'https://meet.example.jp/abc' }));
    expect(room.querySelector('#comment-window')).toBeNull();
    const call = get<HTMLAnchorElement>(room, '#call-join');
    expect(call.getAttribute('href')).toBe('https://meet.example.jp/abc');
    expect(call.target).toBe('_blank');
    expect(call.rel).toContain('noopener');
    expect(call.textContent).toContain('通話に参加');
    session.stop();
    room.remove();

    await enter(meetingWith({ state: 'live', phase: 'questions', callUrl: 'javascript:alert(1)' }));
    expect(room.querySelector('#call-join')).toBeNull();
  });

  test('a participant the host removed no longer sees the call link', async () => {
    await enter(meetingWith({ state: 'live', phase: 'questions', callUrl: 'https://meet.example.jp/abc' }));
    get(room, '#call-join');

    server.latest.push(eventFrame(1, 'participant.removed', { accountId: alice.accountId }, host));

    await waitFor(() => room.querySelector('#call-join') === null);
  });
});
