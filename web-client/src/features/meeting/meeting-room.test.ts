import type { User } from '../../net/protocol';
import type { LiveMeeting } from '../../state/live-meeting';
import { localeStore } from '../../state/locale-store';
import { get } from '../../test-support/dom';
import { alice, bob, eventFrame, type FakeSocketServer, host } from '../../test-support/fake-socket';
import { enterRoom, userOf } from '../../test-support/room';
import type { MeetingRoom } from './meeting-room';

/*
 * The meeting room with the real LiveMeeting, MeetingConnection and MeetingRoomModel, talking to
 * the in-process fake socket server; only the meeting REST call is a stub.
 */

let server: FakeSocketServer;
let session: LiveMeeting;
let room: MeetingRoom;

async function enter(me: User): Promise<void> {
  ({ server, session, room } = await enterRoom(me));
}

async function push(...frames: Parameters<typeof server.latest.push>[0][]): Promise<void> {
  for (const frame of frames) server.latest.push(frame);
  await room.updateComplete;
}

beforeEach(() => {
  localeStore.set('ja');
});

afterEach(() => {
  session?.stop();
  room?.remove();
  vi.useRealTimers();
});

describe('meeting room', () => {
  test('messages render as text with their seq, replies nest under their thread and are announced', async () => {
    await enter(userOf(alice));
    await push(
      eventFrame(1, 'message.posted', { messageId: 'a', text: '<b>太字</b>にはなりません', phase: 'questions' }, bob),
      eventFrame(2, 'message.posted', { messageId: 'b', text: '返信です', replyTo: 'a' }, bob),
    );

    const items = room.querySelectorAll('#message-list > li.message');
    expect(items).toHaveLength(1);
    expect(items[0].getAttribute('data-seq')).toBe('1');
    expect(get(items[0], '.message__text').textContent).toBe('<b>太字</b>にはなりません');
    expect(items[0].querySelector('.message__text b')).toBeNull();
    expect(get(items[0], '.thread li.message').getAttribute('data-seq')).toBe('2');
    expect(get(room, '#room-live').getAttribute('aria-live')).toBe('polite');
    expect(get(room, '#room-live').textContent).toContain('返信です');
    expect(room.querySelector('[style]')).toBeNull();
  });

  test('the composer sends a post command with an id, and a reply carries replyTo', async () => {
    await enter(userOf(alice));
    await push(eventFrame(1, 'message.posted', { messageId: 'a', text: '質問です' }, bob));

    const text = get<HTMLTextAreaElement>(room, '#composer-text');
    text.value = '週に何回ですか';
    get<HTMLButtonElement>(room, '#composer-send').click();
    get<HTMLButtonElement>(room, '.message .reply').click();
    await room.updateComplete;
    text.value = '追加の質問';
    get<HTMLButtonElement>(room, '#composer-send').click();

    const posts = server.latest.sent('post');
    expect(posts.map(({ text, replyTo }) => ({ text, replyTo }))).toEqual([
      { text: '週に何回ですか', replyTo: undefined },
      { text: '追加の質問', replyTo: 'a' },
    ]);
    expect(posts[0].id).toEqual(expect.any(String));
    expect(text.value).toBe('');
  });

  test('a post refused for personal data says why in Japanese and comes back into the composer', async () => {
    await enter(userOf(alice));
    const text = get<HTMLTextAreaElement>(room, '#composer-text');
    text.value = '娘さんの電話は090-1234-5678です';
    get<HTMLButtonElement>(room, '#composer-send').click();
    const sent = server.latest.sent('post')[0];
    expect(text.value).toBe('');

    await push({ type: 'error', id: sent.id, code: 'pii_found', message: 'The text contains personal information' });
    await room.updateComplete;

    expect(get(room, '#room-failure').textContent).toContain('個人を特定できる情報');
    expect(text.value).toBe('娘さんの電話は090-1234-5678です');
  });

  test('proposals: the structured form sends propose, endorse buttons (not on my own) send endorse, counts update', async () => {
    await enter(userOf(alice));
    get<HTMLInputElement>(room, '#proposal-target').value = '買い物';
    get<HTMLSelectElement>(room, '#proposal-type').value = 'mutual';
    get<HTMLTextAreaElement>(room, '#proposal-description').value = '近所の方と一緒に買い物へ';
    get<HTMLTextAreaElement>(room, '#proposal-keeps').value = '自分で商品を選ぶ';
    get<HTMLButtonElement>(room, '#proposal-submit').click();

    expect(server.latest.sent('propose')[0].proposal).toEqual({
      targetActivity: '買い物',
      type: 'mutual',
      description: '近所の方と一緒に買い物へ',
      keepsAbilities: '自分で商品を選ぶ',
    });

    await push(
      eventFrame(1, 'proposal.posted', { proposalId: 'p1', targetActivity: '買い物', type: 'mutual', description: '近所の方と一緒に買い物へ', keepsAbilities: '自分で商品を選ぶ' }),
      eventFrame(2, 'proposal.posted', { proposalId: 'p2', targetActivity: '買い物', type: 'market', description: '移動販売', keepsAbilities: '自分で選ぶ' }, bob),
      eventFrame(3, 'proposal.endorsed', { proposalId: 'p1' }, bob),
    );
    const [mine, bobs] = room.querySelectorAll('#proposal-list .proposal');
    expect(get(mine, '.endorse-count').textContent).toBe('賛同 1');
    expect(mine.querySelector('button.endorse')).toBeNull();
    expect(get(mine, '.own-proposal').textContent).toBe('あなたの提案です（賛同は他の参加者から）');
    get<HTMLButtonElement>(bobs, 'button.endorse[data-proposal-id="p2"]').click();
    expect(server.latest.sent('endorse')[0]).toMatchObject({ proposalId: 'p2' });
  });

  test('a dropped socket shows 再接続中… until the rejoin succeeds', async () => {
    vi.useFakeTimers();
    await enter(userOf(alice));
    expect(get(room, '#connection-state').textContent).toBe('接続中');

    server.latest.drop();
    await room.updateComplete;
    expect(get(room, '#connection-state').textContent).toBe('再接続中…');

    await vi.advanceTimersByTimeAsync(1000);
    server.latest.accept().push({ type: 'joined', meetingId: 'm1', seq: 0, participants: [] });
    await room.updateComplete;
    expect(get(room, '#connection-state').textContent).toBe('接続中');
  });

  test('the host sees phase-next, hide and mute controls; participants do not', async () => {
    await enter(userOf(host));
    await push(eventFrame(1, 'message.posted', { messageId: 'a', text: 'x' }, bob));
    expect(get(room, '#phase-next').textContent?.trim()).toBe('会議を開始: 事例説明');
    get<HTMLButtonElement>(room, '#phase-next').click();
    get<HTMLButtonElement>(room, '.hide-message').click();
    get<HTMLButtonElement>(room, `.mute-participant[data-account-id="${bob.accountId}"]`).click();
    expect(server.latest.sent('phase')[0]).toMatchObject({ to: 'presentation' });
    expect(server.latest.sent('moderate').map(({ action, messageId, accountId }) => ({ action, messageId, accountId }))).toEqual([
      { action: 'hide', messageId: 'a', accountId: undefined },
      { action: 'mute', messageId: undefined, accountId: bob.accountId },
    ]);

    await push(
      eventFrame(2, 'phase.changed', { from: null, to: 'presentation', endsAt: new Date(Date.now() + 300_000).toISOString() }, host),
      eventFrame(3, 'message.hidden', { messageId: 'a' }, host),
    );
    expect(get(room, '#phase-current').textContent).toBe('事例説明');
    expect(get(room, '#phase-countdown').textContent).toMatch(/^残り [45]:\d\d$/);
    expect(get(room, '.message .message__hidden-label').textContent).toBe('非表示');
    session.stop();
    room.remove();

    await enter(userOf(alice));
    expect(room.querySelector('#phase-next')).toBeNull();
    expect(room.querySelector('.mute-participant')).toBeNull();
  });

  test('presence shows names with profession badges; hand raise goes into the queue', async () => {
    await enter(userOf(alice));
    const items = room.querySelectorAll('#presence-list .participant');
    expect(items).toHaveLength(3);
    expect(get(items[0], '.badge--profession').textContent).toBe('理学療法士');
    expect(get(items[1], '.badge--profession').textContent).toBe('企業');

    get<HTMLButtonElement>(room, '#hand-toggle').click();
    expect(server.latest.sent('hand')[0]).toMatchObject({ raised: true });
    await push(eventFrame(1, 'hand.changed', { raised: true }, alice));
    expect(get(room, '#hand-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(get(room, '#hand-queue .hand__name').textContent).toBe(alice.displayName);
  });

  test('when muted the composer is disabled with an explanation', async () => {
    await enter(userOf(alice));
    await push(eventFrame(1, 'participant.muted', { accountId: alice.accountId }, host));
    expect(get<HTMLTextAreaElement>(room, '#composer-text').disabled).toBe(true);
    expect(get(room, '#composer-muted').textContent).toBe('司会者により発言が制限されています');
  });
});
