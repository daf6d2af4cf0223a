import '../features/meeting/meeting-room';
import type { MeetingRoom } from '../features/meeting/meeting-room';
import type { Meeting, User } from '../net/protocol';
import { LiveMeeting } from '../state/live-meeting';
import { alice, bob, FakeSocketServer, host } from './fake-socket';

/** The live meeting the room tests join: host, alice and bob, one case. */
export const meeting: Meeting = {
  id: 'm1', title: '買い物支援を考える会', caseIds: ['c1'], visibility: 'open', hostId: host.accountId,
  state: 'live', phase: null, phaseEndsAt: null,
};

/** The signed-in user behind one of the fake participants. */
export function userOf(p: typeof alice): User {
  return {
    id: p.accountId, email: `${p.accountId}@example.jp`, displayName: p.displayName, role: p.role as User['role'],
    organization: { name: String(p.organization), kind: 'municipality', prefecture: '群馬県' },
    profession: p.profession ?? undefined,
  };
}

export interface OpenRoom {
  readonly server: FakeSocketServer;
  readonly session: LiveMeeting;
  readonly room: MeetingRoom;
}

/**
 * The room on the page as `me`, with the real LiveMeeting and MeetingConnection talking to the
 * in-process fake socket server (only the meeting's REST read is a stub), joined with the three
 * participants.
 */
export async function enterRoom(me: User): Promise<OpenRoom> {
  const server = new FakeSocketServer();
  const session = new LiveMeeting({
    meetingId: 'm1', me, token: () => 'tok-1', api: { get: async () => meeting }, factory: server.factory, url: 'ws://test/ws',
  });
  const room = document.createElement('yoriai-meeting-room');
  room.meeting = session;
  document.body.append(room);
  await session.start();
  server.latest.accept().push({ type: 'joined', meetingId: 'm1', seq: 0, participants: [alice, bob, host] });
  await room.updateComplete;
  return { server, session, room };
}
