import { eventFrame, FakeSocketServer, alice } from '../test-support/fake-socket';
import { MeetingConnection, type ConnectionListener, type ConnectionState } from './meeting-connection';
import type { MeetingEvent } from './protocol';

/*
 * The meeting connection against the in-process fake server: resume after a drop, resend of
 * un-acked commands with the same id, dedupe by seq, rejoin on a gap, backoff, terminal errors.
 */

let server: FakeSocketServer;
let events: MeetingEvent[];
let states: ConnectionState[];
let errors: { code: string; terminal: boolean }[];
let ids: number;

function connect(overrides: Partial<ConstructorParameters<typeof MeetingConnection>[0]> = {}): MeetingConnection {
  const listener: ConnectionListener = {
    onEvent: (event) => events.push(event),
    onState: (state) => states.push(state),
    onError: (code, _message, terminal) => errors.push({ code, terminal }),
  };
  const connection = new MeetingConnection({
    url: 'ws://test/ws',
    meetingId: 'm1',
    token: () => 'tok-1',
    factory: server.factory,
    listener,
    random: () => 0.5,
    pingIntervalMs: 0,
    newId: () => `cmd-${++ids}`,
    ...overrides,
  });
  connection.start();
  return connection;
}

function joinLive(seq = 0): void {
  server.latest.accept().push({ type: 'joined', meetingId: 'm1', seq, participants: [alice] });
}

beforeEach(() => {
  vi.useFakeTimers();
  server = new FakeSocketServer();
  events = [];
  states = [];
  errors = [];
  ids = 0;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('MeetingConnection', () => {
  test('joins with the token, lastSeq 0 and batch, then goes live', () => {
    const connection = connect();
    expect(connection.state).toBe('connecting');

    server.latest.accept();
    expect(connection.state).toBe('joining');
    expect(server.latest.sent('join')).toEqual([{ type: 'join', meetingId: 'm1', token: 'tok-1', lastSeq: 0, batch: true }]);

    server.latest.push({ type: 'joined', meetingId: 'm1', seq: 0, participants: [] });
    expect(connection.state).toBe('live');
    expect(states).toEqual(['connecting', 'joining', 'live']);
  });

  test('a server that refuses batch (a node not yet upgraded) is joined again without it', () => {
    const connection = connect();
    server.latest.accept();
    server.latest.push({ type: 'error', code: 'invalid_message', message: 'batch is not valid here' });

    expect(server.latest.sent('join')).toEqual([
      { type: 'join', meetingId: 'm1', token: 'tok-1', lastSeq: 0, batch: true },
      { type: 'join', meetingId: 'm1', token: 'tok-1', lastSeq: 0 },
    ]);
    server.latest.push({ type: 'joined', meetingId: 'm1', seq: 0, participants: [] });
    expect(connection.state).toBe('live');
    expect(errors).toEqual([]);
  });

  test('after a drop it reconnects with backoff and resumes with the last applied seq', () => {
    const connection = connect();
    joinLive();
    server.latest.push(eventFrame(1, 'message.posted', { messageId: 'a', text: 'こんにちは' }));
    server.latest.push(eventFrame(2, 'message.posted', { messageId: 'b', text: 'よろしく' }));

    server.latest.drop();
    expect(connection.state).toBe('reconnecting');
    expect(server.connections).toHaveLength(1);

    vi.advanceTimersByTime(374); // attempt 0: 500ms ceiling, equal jitter with random 0.5 → 375ms
    expect(server.connections).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(server.connections).toHaveLength(2);

    server.latest.accept();
    expect(server.latest.sent('join')[0]).toMatchObject({ meetingId: 'm1', lastSeq: 2 });
    server.latest.push({ type: 'joined', meetingId: 'm1', seq: 3, participants: [] });
    server.latest.push(eventFrame(3, 'message.posted', { messageId: 'c', text: '戻りました' }));
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(connection.state).toBe('live');
  });

  test('unpacks an events frame into its events, in order and once each', () => {
    connect();
    joinLive();
    server.latest.push(eventFrame(1, 'hand.changed', { raised: true }));
    server.latest.push({
      type: 'events',
      events: [
        eventFrame(1, 'hand.changed', { raised: true }),
        eventFrame(2, 'message.posted', { messageId: 'a', text: 'まとめて' }),
        eventFrame(3, 'hand.changed', { raised: false }),
      ],
    });
    server.latest.push(eventFrame(4, 'message.posted', { messageId: 'b', text: 'ひとつずつ' }));

    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[1]).toEqual({ ...eventFrame(2, 'message.posted', { messageId: 'a', text: 'まとめて' }), type: undefined });
  });

  test('a gap inside an events frame drops the socket and rejoins from the last event applied before it', () => {
    const connection = connect();
    joinLive();
    server.latest.push({
      type: 'events',
      events: [eventFrame(1, 'hand.changed', { raised: true }), eventFrame(3, 'hand.changed', { raised: false }), eventFrame(4, 'hand.changed', { raised: true })],
    });
    expect(events.map((e) => e.seq)).toEqual([1]);
    expect(connection.state).toBe('reconnecting');

    vi.advanceTimersByTime(1000);
    server.latest.accept();
    expect(server.latest.sent('join')[0]).toMatchObject({ lastSeq: 1, batch: true });
  });

  test('backoff grows exponentially up to the cap, with jitter', () => {
    expect(MeetingConnection.backoffDelay(0, 500, 15_000, 0)).toBe(250);
    expect(MeetingConnection.backoffDelay(0, 500, 15_000, 0.999)).toBe(500);
    expect(MeetingConnection.backoffDelay(3, 500, 15_000, 0)).toBe(2000);
    expect(MeetingConnection.backoffDelay(10, 500, 15_000, 1)).toBe(15_000);

    connect();
    server.latest.drop(); // failed before open: still retries
    vi.advanceTimersByTime(375);
    server.latest.drop();
    vi.advanceTimersByTime(749);
    expect(server.connections).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(server.connections).toHaveLength(3);
  });

  test('resends un-acked commands with the same id after a reconnect, and forgets acked ones', () => {
    const connection = connect();
    joinLive();
    const acked = connection.send({ type: 'post', text: '一つ目' });
    const lost = connection.send({ type: 'post', text: '二つ目' });
    server.latest.push({ type: 'ack', id: acked, seq: 1 });
    server.latest.drop();

    vi.advanceTimersByTime(1000);
    joinLive(2);

    expect(server.latest.sent('post')).toEqual([{ type: 'post', text: '二つ目', id: lost }]);
    expect(connection.unacked.map((c) => c.id)).toEqual([lost]);
    server.latest.push({ type: 'ack', id: lost, seq: 2 });
    expect(connection.unacked).toEqual([]);
  });

  test('commands issued while reconnecting are queued and sent once live', () => {
    const connection = connect();
    joinLive();
    server.latest.drop();
    const id = connection.send({ type: 'hand', raised: true });
    vi.advanceTimersByTime(1000);
    server.latest.accept();
    expect(server.latest.sent('hand')).toEqual([]); // not before the join is accepted

    server.latest.push({ type: 'joined', meetingId: 'm1', seq: 0, participants: [] });
    expect(server.latest.sent('hand')).toEqual([{ type: 'hand', raised: true, id }]);
  });

  test('ignores events whose seq was already applied', () => {
    connect();
    joinLive();
    server.latest.push(eventFrame(1, 'hand.changed', { raised: true }));
    server.latest.push(eventFrame(2, 'hand.changed', { raised: false }));
    server.latest.push(eventFrame(1, 'hand.changed', { raised: true }));
    server.latest.push(eventFrame(2, 'hand.changed', { raised: false }));
    server.latest.push(eventFrame(3, 'hand.changed', { raised: true }));

    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  test('a gap in seq drops the socket and rejoins with the last applied seq', () => {
    const connection = connect();
    joinLive();
    server.latest.push(eventFrame(1, 'message.posted', { messageId: 'a', text: '1' }));
    const first = server.latest;

    first.push(eventFrame(3, 'message.posted', { messageId: 'c', text: '3' }));

    expect(events.map((e) => e.seq)).toEqual([1]);
    expect(first.closedByClient).not.toBeNull();
    expect(connection.state).toBe('reconnecting');
    vi.advanceTimersByTime(1000);
    server.latest.accept();
    expect(server.latest.sent('join')[0].lastSeq).toBe(1);
    server.latest.push({ type: 'joined', meetingId: 'm1', seq: 3, participants: [] });
    server.latest.push(eventFrame(2, 'message.posted', { messageId: 'b', text: '2' }));
    server.latest.push(eventFrame(3, 'message.posted', { messageId: 'c', text: '3' }));
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  test('a refused command is reported and not resent', () => {
    const failures: string[] = [];
    const connection = connect({
      listener: { onCommandError: (command, code) => failures.push(`${command.type}:${code}`) },
    });
    joinLive();
    const id = connection.send({ type: 'post', text: 'x' });
    server.latest.push({ type: 'error', id, code: 'muted', message: 'muted' });

    expect(failures).toEqual(['post:muted']);
    expect(connection.unacked).toEqual([]);
  });

  test('a terminal error closes for good instead of reconnecting', () => {
    const connection = connect();
    server.latest.accept().push({ type: 'error', code: 'forbidden', message: 'not invited' });

    expect(connection.state).toBe('closed');
    expect(errors).toEqual([{ code: 'forbidden', terminal: true }]);
    vi.advanceTimersByTime(60_000);
    expect(server.connections).toHaveLength(1);
  });

  test('close() stops reconnecting', () => {
    const connection = connect();
    joinLive();
    server.latest.drop();
    connection.close();
    vi.advanceTimersByTime(60_000);
    expect(server.connections).toHaveLength(1);
    expect(connection.state).toBe('closed');
  });

  test('a silent socket is dropped after an unanswered ping', () => {
    const connection = connect({ pingIntervalMs: 10_000 });
    joinLive();
    vi.advanceTimersByTime(10_000);
    expect(server.latest.sent('ping')).toHaveLength(1);
    vi.advanceTimersByTime(10_000);
    expect(connection.state).toBe('reconnecting');
  });

  test('by default a connection lost right after a pong is noticed within 10 s, and rejoins', () => {
    const connection = connect({ pingIntervalMs: undefined });
    joinLive();
    vi.advanceTimersByTime(5_000);
    expect(server.latest.sent('ping')).toHaveLength(1);
    server.latest.push({ type: 'pong' });

    vi.advanceTimersByTime(4_999); // the line goes silent just after that pong
    expect(connection.state).toBe('live');
    vi.advanceTimersByTime(5_001);
    expect(connection.state).toBe('reconnecting');
    expect(server.connections[0].closedByClient).not.toBeNull();

    vi.advanceTimersByTime(1_000);
    expect(server.connections).toHaveLength(2);
  });

  test('a command issued while offline is reported as queued at once and resent after a rejoin that refuses it', () => {
    const queued: string[] = [];
    const refused: string[] = [];
    const connection = connect({
      listener: {
        onQueued: (command) => queued.push(command.id),
        onCommandError: (command, code) => refused.push(`${command.id}:${code}`),
      },
    });
    joinLive();
    server.latest.drop();
    connection.send({ type: 'post', text: '切断中に書いた' });
    expect(queued).toEqual(['cmd-1']);

    vi.advanceTimersByTime(1_000);
    joinLive();
    expect(server.latest.sent('post')).toEqual([{ type: 'post', text: '切断中に書いた', id: 'cmd-1' }]);
    server.latest.push({ type: 'error', id: 'cmd-1', code: 'closed', message: 'Comments closed' });
    expect(refused).toEqual(['cmd-1:closed']);
    expect(connection.unacked).toEqual([]);
  });

  test('a pong keeps the socket alive', () => {
    const connection = connect({ pingIntervalMs: 10_000 });
    joinLive();
    vi.advanceTimersByTime(10_000);
    server.latest.push({ type: 'pong' });
    vi.advanceTimersByTime(10_000);
    expect(connection.state).toBe('live');
    expect(server.latest.sent('ping')).toHaveLength(2);
  });

  test('frames that are not §7 frames are ignored', () => {
    const connection = connect();
    joinLive();
    server.latest.pushRaw('not json').push({ type: 'event', seq: 'x' }).push({ type: 'mystery' });
    expect(events).toEqual([]);
    expect(connection.state).toBe('live');
  });

  test('an invite code is sent with the join', () => {
    connect({ inviteCode: 'ABC123' });
    server.latest.accept();
    expect(server.latest.sent('join')[0]).toMatchObject({ inviteCode: 'ABC123' });
  });
});
