/*
 * An in-process fake of the §7 WebSocket server, in the spirit of centrifuge-js's fakeServer.ts.
 *
 * Why it exists: the interesting behaviour of the meeting client is what happens when the network
 * misbehaves — a socket dropping mid-meeting, a frame lost between two events, an ack that never
 * arrives, the same event delivered twice. A real server (or a mock WebSocket in jsdom) cannot
 * produce those on cue. This fake implements the same SocketFactory/SocketTransport adapter the
 * browser socket does, so the real MeetingConnection runs unchanged while a test scripts the
 * server side frame by frame: accept or refuse a connection, read what the client sent, push
 * joined/ack/event/error frames, and drop the line. Nothing here is used by the app itself.
 */
import type { ClientFrame, MeetingEvent, Participant, ServerFrame } from '../net/protocol';
import type { SocketCallbacks, SocketFactory, SocketTransport } from '../net/socket';

export class FakeConnection implements SocketTransport {
  /** Frames the client sent, parsed. */
  readonly received: ClientFrame[] = [];
  open = false;
  closedByClient: { code?: number; reason?: string } | null = null;
  private ended = false;

  constructor(
    readonly url: string,
    private readonly callbacks: SocketCallbacks,
  ) {}

  /* ---- the adapter side, called by the client ---- */

  send(data: string): void {
    if (!this.open) throw new Error('send on a socket that is not open');
    this.received.push(JSON.parse(data) as ClientFrame);
  }

  close(code?: number, reason?: string): void {
    this.closedByClient = { code, reason };
    this.open = false;
    this.ended = true;
  }

  /* ---- the server side, called by tests ---- */

  accept(): this {
    if (this.ended) throw new Error('connection already ended');
    this.open = true;
    this.callbacks.onOpen();
    return this;
  }

  push(frame: ServerFrame | Record<string, unknown>): this {
    if (!this.open) throw new Error('push on a socket that is not open');
    this.callbacks.onMessage(JSON.stringify(frame));
    return this;
  }

  pushRaw(text: string): this {
    this.callbacks.onMessage(text);
    return this;
  }

  /** The server (or the network) ends the connection. */
  drop(code = 1006, reason = ''): void {
    if (this.ended) return;
    this.open = false;
    this.ended = true;
    this.callbacks.onClose(code, reason);
  }

  /** Frames of one type the client sent. */
  sent<T extends ClientFrame['type']>(type: T): Extract<ClientFrame, { type: T }>[] {
    return this.received.filter((f): f is Extract<ClientFrame, { type: T }> => f.type === type);
  }
}

/** Hands out one FakeConnection per connect attempt; `latest` is the one a test usually drives. */
export class FakeSocketServer {
  readonly connections: FakeConnection[] = [];

  readonly factory: SocketFactory = (url, callbacks) => {
    const connection = new FakeConnection(url, callbacks);
    this.connections.push(connection);
    return connection;
  };

  get latest(): FakeConnection {
    const last = this.connections.at(-1);
    if (!last) throw new Error('the client has not connected');
    return last;
  }
}

export const alice: Participant = {
  accountId: 'u-alice',
  displayName: '佐藤 花子',
  role: 'professional',
  profession: '理学療法士',
  organization: '八王子市地域包括支援センター',
};

export const bob: Participant = {
  accountId: 'u-bob',
  displayName: '鈴木 一郎',
  role: 'company',
  profession: null,
  organization: '株式会社まちなか',
};

export const host: Participant = {
  accountId: 'u-host',
  displayName: '高橋 司',
  role: 'municipality',
  profession: '生活支援コーディネーター',
  organization: '高崎市',
};

/** A §7 event frame with sensible defaults. */
export function eventFrame(
  seq: number,
  kind: string,
  data: Record<string, unknown> = {},
  actor: Participant | null = alice,
): ServerFrame {
  const event = { seq, meetingId: 'm1', kind, at: `2026-12-01T10:00:${String(seq % 60).padStart(2, '0')}+09:00`, actor, data } as unknown as MeetingEvent;
  return { type: 'event', ...event };
}
