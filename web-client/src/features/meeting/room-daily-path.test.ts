import type { User } from '../../net/protocol';
import type { LiveMeeting } from '../../state/live-meeting';
import { localeStore } from '../../state/locale-store';
import { get } from '../../test-support/dom';
import { alice, bob, eventFrame, type FakeSocketServer, host } from '../../test-support/fake-socket';
import { enterRoom, userOf } from '../../test-support/room';
import type { MeetingRoom } from './meeting-room';
import type { MessageList } from './message-list';

/*
 * What a participant relies on every meeting: posts that wait visibly (送信待ち) while offline and are
 * resent, the list that follows the newest message, reactions behind one keyboard-operable button,
 * the host's hand controls, the presentation note and the way to the composer. The real
 * LiveMeeting and MeetingConnection over the fake socket server.
 */

let server: FakeSocketServer;
let session: LiveMeeting;
let room: MeetingRoom;

async function enter(me: User): Promise<void> {
  ({ server, session, room } = await enterRoom(me));
  await settle();
}

/** The room and its child components have rendered. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await room.updateComplete;
    await Promise.all([...room.querySelectorAll<MessageList>('yoriai-message-list, yoriai-reaction-menu')].map((c) => c.updateComplete));
  }
}

async function push(...frames: Parameters<typeof server.latest.push>[0][]): Promise<void> {
  for (const frame of frames) server.latest.push(frame);
  await settle();
}

async function send(text: string): Promise<void> {
  get<HTMLTextAreaElement>(room, '#composer-text').value = text;
  get<HTMLButtonElement>(room, '#composer-send').click();
  await settle();
}

/** jsdom lays nothing out: give the list a size and a scroll position it can change. */
function layOut(list: HTMLElement, scrollHeight: number, clientHeight: number): { top: number } {
  const position = { top: 0 };
  Object.defineProperty(list, 'scrollHeight', { configurable: true, get: () => scrollHeight });
  Object.defineProperty(list, 'clientHeight', { configurable: true, get: () => clientHeight });
  Object.defineProperty(list, 'scrollTop', {
    configurable: true,
    get: () => position.top,
    set: (value: number) => (position.top = Math.min(value, scrollHeight - clientHeight)),
  });
  return position;
}

beforeEach(() => {
  localeStore.set('ja');
});

afterEach(() => {
  session?.stop();
  room?.remove();
  vi.useRealTimers();
});

describe('posts while the connection is down', () => {
  test('a post written offline shows 送信待ち, is resent with its id on reconnect and shows once after its ack', async () => {
    vi.useFakeTimers();
    await enter(userOf(alice));
    server.latest.drop();
    await send('電波が戻ったら届きますか');

    const waiting = get(room, '#message-list li.message--pending');
    expect(waiting.getAttribute('data-state')).toBe('pending');
    expect(get(waiting, '.message__status').textContent).toBe('送信待ち');
    expect(get(room, '#pending-count').textContent).toContain('送信待ち 1件');
    expect(get(room, '#connection-state').textContent).toBe('再接続中…');

    await vi.advanceTimersByTimeAsync(1000);
    server.latest.accept();
    await push({ type: 'joined', meetingId: 'm1', seq: 0, participants: [alice] });
    const [resent] = server.latest.sent('post');
    expect(resent.text).toBe('電波が戻ったら届きますか');
    await push(eventFrame(1, 'message.posted', { messageId: 'a', text: '電波が戻ったら届きますか' }, alice), { type: 'ack', id: resent.id, seq: 1 });

    expect(room.querySelectorAll('#message-list li.message')).toHaveLength(1);
    expect(room.querySelector('#pending-count')).toBeNull();
  });

  test('a post refused after the reconnect stays in the list with the reason until taken back into the composer', async () => {
    vi.useFakeTimers();
    await enter(userOf(alice));
    server.latest.drop();
    await send('閉会の直前に書いた');
    get<HTMLTextAreaElement>(room, '#composer-text').value = '書きかけ';

    await vi.advanceTimersByTimeAsync(1000);
    server.latest.accept().push({ type: 'joined', meetingId: 'm1', seq: 0, participants: [alice] });
    const [resent] = server.latest.sent('post');
    await push({ type: 'error', id: resent.id, code: 'storage_unavailable', message: 'try later' });

    const failed = get(room, '#message-list li.message--failed');
    expect(get(failed, '.message__status').textContent).toContain('送信できませんでした');
    expect(get(failed, '.message__text').textContent).toBe('閉会の直前に書いた');
    get<HTMLButtonElement>(failed, '.take-back').click();
    await settle();

    expect(get<HTMLTextAreaElement>(room, '#composer-text').value).toBe('書きかけ\n閉会の直前に書いた');
    expect(room.querySelector('#message-list li.message--failed')).toBeNull();
  });
});

describe('the list follows the newest message', () => {
  test('at the end it follows; scrolled up it counts 新着 n件, and the button jumps down and clears', async () => {
    await enter(userOf(alice));
    const list = get(room, '#message-list');
    const position = layOut(list, 2000, 500);
    await push(eventFrame(1, 'message.posted', { messageId: 'a', text: '一つ目' }, bob));
    expect(position.top).toBe(1500);

    position.top = 200;
    list.dispatchEvent(new Event('scroll'));
    await push(eventFrame(2, 'message.posted', { messageId: 'b', text: '二つ目' }, bob), eventFrame(3, 'message.posted', { messageId: 'c', text: '三つ目' }, bob));

    expect(position.top).toBe(200);
    const marker = get<HTMLButtonElement>(room, '#new-messages');
    expect(marker.textContent).toBe('新着 2件');
    expect(marker.parentElement!.getAttribute('aria-live')).toBe('polite');
    marker.click();
    await settle();
    expect(position.top).toBe(1500);
    expect(room.querySelector('#new-messages')).toBeNull();
  });
});

describe('one button for reactions, one tab stop per message', () => {
  test('the menu opens on the first emoji, arrows move, Enter reacts and Escape closes back to the button', async () => {
    await enter(userOf(alice));
    await push(eventFrame(1, 'message.posted', { messageId: 'a', text: '質問です' }, bob), eventFrame(2, 'reaction.changed', { messageId: 'a', emoji: '👍', on: true }, bob));
    const message = get(room, '#message-list li.message');
    expect(message.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);
    expect(get(message, '.reaction-summary').textContent).toBe('👍 1');
    const toggle = get<HTMLButtonElement>(message, '.reaction-toggle');

    toggle.click();
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.getAttribute('data-emoji')).toBe('👍');
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(document.activeElement?.getAttribute('data-emoji')).toBe('❤️');
    (document.activeElement as HTMLButtonElement).click();
    await settle();
    expect(server.latest.sent('react')[0]).toMatchObject({ messageId: 'a', emoji: '❤️', on: true });
    expect(message.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(toggle);
    await push(eventFrame(3, 'reaction.changed', { messageId: 'a', emoji: '❤️', on: true }, alice));
    expect(get(message, '.reaction-summary').textContent).toBe('👍 1 ❤️ 1');

    toggle.click();
    await settle();
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(message.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(toggle);

    toggle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(document.activeElement?.classList.contains('reply')).toBe(true);
    expect(message.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);
  });

  test('the skip link and the / key move to the composer', async () => {
    await enter(userOf(alice));
    get<HTMLAnchorElement>(room, '#skip-to-composer').click();
    expect(document.activeElement?.id).toBe('composer-text');

    get<HTMLButtonElement>(room, '#hand-toggle').focus();
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true }));
    expect(document.activeElement?.id).toBe('composer-text');
    expect(get(room, '.composer__shortcut').textContent).toContain('/ キー');
  });
});

describe('the floor', () => {
  test('the host calls on the first raised hand and lowers another; everyone sees the speaker', async () => {
    await enter(userOf(host));
    expect(get<HTMLButtonElement>(room, '#hand-call-next').disabled).toBe(true);
    await push(eventFrame(1, 'hand.changed', { raised: true }, bob), eventFrame(2, 'hand.changed', { raised: true }, alice));

    get<HTMLButtonElement>(room, '#hand-call-next').click();
    get<HTMLButtonElement>(room, `.lower-hand[data-account-id="${alice.accountId}"]`).click();
    expect(server.latest.sent('moderate').map(({ action, accountId }) => ({ action, accountId }))).toEqual([
      { action: 'call', accountId: undefined },
      { action: 'lower', accountId: alice.accountId },
    ]);
    await push(eventFrame(3, 'speaker.called', { accountId: bob.accountId }, host), eventFrame(4, 'hand.lowered', { accountId: alice.accountId }, host));

    expect(get(room, '#current-speaker').textContent?.trim()).toBe(`発言者: ${bob.displayName}さん`);
    expect(room.querySelectorAll('#hand-queue .hand')).toHaveLength(0);
  });

  test('a raised hand whose owner dropped out stays in the queue marked 退席中, and the host can lower it', async () => {
    await enter(userOf(host));
    await push(eventFrame(1, 'hand.changed', { raised: true }, bob), eventFrame(2, 'participant.left', { ...bob }, bob));

    const away = get(room, `#hand-queue .hand[data-account-id="${bob.accountId}"]`);
    expect(away.dataset.present).toBe('false');
    expect(get(away, '.hand__away').textContent).toBe('退席中');
    expect(get(away, '.lower-hand').getAttribute('aria-label')).toBe(`${bob.displayName}さんの手を下ろす`);

    await push(eventFrame(3, 'participant.joined', { ...bob }, bob));
    expect(get(room, `#hand-queue .hand[data-account-id="${bob.accountId}"]`).dataset.present).toBe('true');
    expect(room.querySelector('#hand-queue .hand__away')).toBeNull();
  });

  test('a participant has no host controls; during 事例説明 the composer says the presenter has the floor', async () => {
    await enter(userOf(alice));
    expect(room.querySelector('#hand-call-next')).toBeNull();
    expect(room.querySelector('#composer-floor')).toBeNull();

    await push(eventFrame(1, 'phase.changed', { to: 'presentation', endsAt: new Date(Date.now() + 600_000).toISOString() }, host));
    expect(get(room, '#composer-floor').textContent).toContain('発表者が話しています');
    expect(get<HTMLTextAreaElement>(room, '#composer-text').disabled).toBe(false);

    await push(eventFrame(2, 'phase.changed', { from: 'presentation', to: 'questions', endsAt: new Date(Date.now() + 600_000).toISOString() }, host));
    expect(room.querySelector('#composer-floor')).toBeNull();
  });
});
