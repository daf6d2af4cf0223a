import type { MeetingEvent, Participant, User } from '../net/protocol';
import { alice, bob, host } from '../test-support/fake-socket';
import { nextPhase } from '../net/protocol';
import { MeetingChangeEvent, MeetingRoomModel } from './meeting-room-model';

/* MeetingRoomModel applying each §7 event kind, as a participant and as the host. */

const meAlice: User = {
  id: alice.accountId,
  email: 'alice@example.jp',
  displayName: alice.displayName,
  role: 'professional',
  organization: { name: '八王子市', kind: 'municipality', prefecture: '東京都' },
  profession: '理学療法士',
};
const meHost: User = { ...meAlice, id: host.accountId, displayName: host.displayName, role: 'municipality' };

let seq: number;
function ev(kind: string, data: Record<string, unknown> = {}, actor: Participant | null = alice): MeetingEvent {
  seq += 1;
  return { seq, meetingId: 'm1', kind, at: '2026-12-01T10:00:00+09:00', actor, data } as unknown as MeetingEvent;
}

function storeFor(user: User): MeetingRoomModel {
  const store = new MeetingRoomModel(user);
  store.setMeeting({
    id: 'm1',
    title: '買い物支援を考える会',
    caseIds: ['c1'],
    visibility: 'open',
    hostId: host.accountId,
    state: 'live',
    phase: null,
    phaseEndsAt: null,
  });
  return store;
}

beforeEach(() => {
  seq = 0;
});

describe('MeetingRoomModel', () => {
  test('message.posted adds a message tagged with its phase; replies form a thread', () => {
    const store = storeFor(meAlice);
    store.apply(ev('message.posted', { messageId: 'm-1', text: '買い物は週何回ですか', phase: 'questions' }, bob));
    store.apply(ev('message.posted', { messageId: 'm-2', text: '週2回です', replyTo: 'm-1', phase: 'questions' }));

    expect(store.messages.map((m) => m.messageId)).toEqual(['m-1']);
    expect(store.messages[0]).toMatchObject({ text: '買い物は週何回ですか', phase: 'questions', seq: 1 });
    expect(store.replies('m-1').map((m) => m.text)).toEqual(['週2回です']);
  });

  test('a new message by someone else is announced only while live', () => {
    const store = storeFor(meAlice);
    store.apply(ev('message.posted', { messageId: 'old', text: '履歴' }, bob));
    expect(store.announcement).toBeNull();

    store.setConnection('live');
    store.apply(ev('message.posted', { messageId: 'mine', text: '自分の' }, alice));
    expect(store.announcement).toBeNull();
    store.apply(ev('message.posted', { messageId: 'new', text: '新着' }, bob));
    expect(store.announcement).toMatchObject({ author: bob.displayName, text: '新着' });
  });

  test('reaction.changed toggles the actor in the emoji set', () => {
    const store = storeFor(meAlice);
    store.apply(ev('message.posted', { messageId: 'm-1', text: 'a' }));
    store.apply(ev('reaction.changed', { messageId: 'm-1', emoji: '👍', on: true }, alice));
    store.apply(ev('reaction.changed', { messageId: 'm-1', emoji: '👍', on: true }, bob));
    store.apply(ev('reaction.changed', { messageId: 'm-1', emoji: '👍', on: false }, alice));

    expect([...(store.message('m-1')?.reactions.get('👍') ?? [])]).toEqual([bob.accountId]);
  });

  test('hand.changed keeps a first-come speaking queue', () => {
    const store = storeFor(meAlice);
    store.apply(ev('hand.changed', { raised: true }, bob));
    store.apply(ev('hand.changed', { raised: true }, alice));
    expect(store.hands.map((h) => h.displayName)).toEqual([bob.displayName, alice.displayName]);
    expect(store.handRaised).toBe(true);

    store.apply(ev('hand.changed', { raised: false }, bob));
    expect(store.hands.map((h) => h.accountId)).toEqual([alice.accountId]);
  });

  test('speaker.called gives the floor and drops that hand; hand.lowered drops a hand the host lowered', () => {
    const store = storeFor(meAlice);
    store.apply(ev('hand.changed', { raised: true }, bob));
    store.apply(ev('hand.changed', { raised: true }, alice));

    store.apply(ev('speaker.called', { accountId: bob.accountId }, host));
    expect(store.speaker).toEqual({ accountId: bob.accountId, displayName: bob.displayName });
    expect(store.hands.map((h) => h.accountId)).toEqual([alice.accountId]);

    store.apply(ev('hand.lowered', { accountId: alice.accountId }, host));
    expect(store.hands).toEqual([]);
    expect(store.handRaised).toBe(false);
  });

  test('a hand stays up when its owner leaves, marked away until they are back; removal drops it', () => {
    const store = storeFor(meHost);
    store.apply(ev('participant.joined', { ...bob }, bob));
    store.apply(ev('participant.joined', { ...alice }, alice));
    store.apply(ev('hand.changed', { raised: true }, bob));
    store.apply(ev('hand.changed', { raised: true }, alice));

    store.apply(ev('participant.left', { accountId: bob.accountId }, bob));
    expect(store.hands.map((h) => [h.accountId, h.present])).toEqual([[bob.accountId, false], [alice.accountId, true]]);

    store.apply(ev('participant.joined', { ...bob }, bob));
    expect(store.hands.map((h) => [h.accountId, h.present])).toEqual([[bob.accountId, true], [alice.accountId, true]]);

    store.apply(ev('participant.removed', { accountId: alice.accountId }, host));
    expect(store.hands.map((h) => h.accountId)).toEqual([bob.accountId]);
  });

  test('my post is 送信待ち from queued until its event, and a refused one stays until I take it back', () => {
    const store = storeFor(meAlice);
    store.commandQueued({ type: 'post', text: '一つ目', id: 'c-1' });
    store.commandQueued({ type: 'post', text: '二つ目', id: 'c-2' });
    store.commandQueued({ type: 'hand', raised: true, id: 'c-3' });
    expect(store.pendingPosts.map((p) => [p.id, p.state, p.caseId])).toEqual([['c-1', 'pending', 'c1'], ['c-2', 'pending', 'c1']]);

    store.apply(ev('message.posted', { messageId: 'm-1', text: '一つ目' }, alice));
    store.commandAcked('c-1', 1);
    store.commandFailed({ type: 'post', text: '二つ目', id: 'c-2' }, 'storage_unavailable', 'try later');
    expect(store.pendingPosts).toEqual([expect.objectContaining({ id: 'c-2', state: 'failed', code: 'storage_unavailable' })]);
    expect(store.failure).toMatchObject({ id: 'c-2', unsentText: '二つ目' });

    store.dropPendingPost('c-2');
    expect(store.pendingPosts).toEqual([]);
  });

  test('when the connection ends for good, posts still waiting are marked unsent, not dropped', () => {
    const store = storeFor(meAlice);
    store.commandQueued({ type: 'post', text: '届かなかった', id: 'c-1' });
    store.setConnection('closed');
    expect(store.pendingPosts).toEqual([expect.objectContaining({ id: 'c-1', state: 'failed', code: 'disconnected' })]);
  });

  test('proposal.posted and proposal.endorsed count each account once', () => {
    const store = storeFor(meAlice);
    store.apply(
      ev('proposal.posted', {
        proposalId: 'p-1',
        targetActivity: '買い物',
        type: 'market',
        description: '移動販売の巡回ルートに自宅前を追加',
        keepsAbilities: '自分で商品を選んで支払う',
        phase: 'proposals',
      }, bob),
    );
    store.apply(ev('proposal.endorsed', { proposalId: 'p-1' }, alice));
    store.apply(ev('proposal.endorsed', { proposalId: 'p-1' }, host));
    store.apply(ev('proposal.endorsed', { proposalId: 'p-1' }, alice));

    expect(store.proposals).toHaveLength(1);
    expect(store.proposals[0]).toMatchObject({ type: 'market', targetActivity: '買い物', author: bob });
    expect(store.proposals[0].endorsers.size).toBe(2);
  });

  test('phase.changed moves the phase and its deadline; closed ends the meeting', () => {
    const store = storeFor(meAlice);
    store.apply(ev('phase.changed', { from: null, to: 'presentation', endsAt: '2026-12-01T10:05:00+09:00' }, host));
    expect(store.phase).toBe('presentation');
    expect(store.phaseEndsAt).toBe('2026-12-01T10:05:00+09:00');

    store.apply(ev('phase.changed', { from: 'summary', to: 'closed', endsAt: null }, host));
    expect(store.isClosed).toBe(true);
    expect(nextPhase('presentation')).toBe('questions');
    expect(nextPhase(null)).toBe('presentation');
    expect(nextPhase('closed')).toBeNull();
  });

  test('a tombstone (a posted event without text, marked hidden) is a hidden message that keeps its thread', () => {
    const participant = storeFor(meAlice);
    const hostStore = storeFor(meHost);
    for (const store of [participant, hostStore]) {
      seq = 0;
      store.setConnection('live');
      store.apply(ev('message.posted', { messageId: 'm-1', hidden: true, phase: 'questions' }, bob));
      store.apply(ev('message.posted', { messageId: 'm-2', text: '返信です', replyTo: 'm-1' }, bob));
      store.apply(ev('message.hidden', { messageId: 'm-1' }, host));
    }

    expect(participant.messages.map((m) => m.messageId)).toEqual(['m-2']);
    expect(hostStore.messages.map((m) => [m.messageId, m.hidden, m.text])).toEqual([['m-1', true, '']]);
    expect(hostStore.replies('m-1').map((m) => m.text)).toEqual(['返信です']);
    expect(participant.announcement?.text).toBe('返信です');
  });

  test('message.hidden removes the message for participants but shows it marked to the host', () => {
    const participant = storeFor(meAlice);
    const hostStore = storeFor(meHost);
    for (const store of [participant, hostStore]) {
      seq = 0;
      store.apply(ev('message.posted', { messageId: 'm-1', text: '電話番号は…' }, bob));
      store.apply(ev('message.hidden', { messageId: 'm-1', reason: 'pii' }, host));
    }

    expect(participant.messages).toEqual([]);
    expect(hostStore.messages.map((m) => [m.messageId, m.hidden, m.text])).toEqual([['m-1', true, '']]);

    participant.apply(ev('message.posted', { messageId: 'm-2', text: '返信', replyTo: 'm-1' }, alice));
    expect(participant.messages.map((m) => m.messageId)).toEqual(['m-2']);
  });

  test('presence comes from the joined snapshot, then joined/left events after it', () => {
    const store = storeFor(meAlice);
    store.apply(ev('participant.joined', { ...bob })); // seq 1, already inside the snapshot below
    store.joined({ type: 'joined', meetingId: 'm1', seq: 1, participants: [alice] });
    expect(store.participants.map((p) => p.accountId)).toEqual([alice.accountId]);

    store.apply(ev('participant.joined', { ...host }, host));
    store.apply(ev('participant.left', { accountId: alice.accountId }, alice));
    expect(store.participants.map((p) => p.displayName)).toEqual([host.displayName]);
    expect(store.participants[0].profession).toBe('生活支援コーディネーター');
  });

  test('participant.muted / unmuted follow the account; my own mute is visible', () => {
    const store = storeFor(meAlice);
    store.apply(ev('participant.muted', { accountId: alice.accountId }, host));
    expect(store.isMuted).toBe(true);
    expect(store.isParticipantMuted(alice.accountId)).toBe(true);
    store.apply(ev('participant.unmuted', { accountId: alice.accountId }, host));
    expect(store.isMuted).toBe(false);
  });

  test('participant.removed drops presence and hand, and marks me removed', () => {
    const store = storeFor(meAlice);
    store.joined({ type: 'joined', meetingId: 'm1', seq: 0, participants: [alice, bob] });
    store.apply(ev('hand.changed', { raised: true }, bob));
    store.apply(ev('participant.removed', { accountId: bob.accountId }, host));
    expect(store.participants.map((p) => p.accountId)).toEqual([alice.accountId]);
    expect(store.hands).toEqual([]);
    store.apply(ev('participant.removed', { accountId: alice.accountId }, host));
    expect(store.isRemoved).toBe(true);
  });

  test('the host is the account named by hostId', () => {
    expect(storeFor(meHost).isHost).toBe(true);
    expect(storeFor(meAlice).isHost).toBe(false);
  });

  test('every change is announced with a meeting-change event; unknown kinds are tolerated', () => {
    const store = storeFor(meAlice);
    const listener = vi.fn();
    store.addEventListener(MeetingChangeEvent.type, listener);
    store.apply(ev('summary.updated', { direction: '…' }, host));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.seq).toBe(1);
  });
});
