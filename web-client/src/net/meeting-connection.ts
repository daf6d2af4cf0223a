import {
  parseServerFrame,
  TERMINAL_WS_ERRORS,
  type ClientFrame,
  type Command,
  type CommandFrame,
  type EventFrame,
  type JoinedFrame,
  type MeetingEvent,
} from './protocol';
import type { SocketFactory, SocketTransport } from './socket';

/**
 *   idle ─start()─▶ connecting ─open─▶ joining ─joined─▶ live
 *                       ▲                 │                │  drop / gap / stale heartbeat
 *                       └──(backoff)── reconnecting ◀──────┘
 *   any ─close() or terminal error (unauthenticated, forbidden, not_found, closed)─▶ closed
 */
export type ConnectionState = 'idle' | 'connecting' | 'joining' | 'live' | 'reconnecting' | 'closed';

/** What the connection reports upwards (LiveMeeting forwards it to MeetingRoomModel). */
export interface ConnectionListener {
  onState?(state: ConnectionState, previous: ConnectionState): void;
  /** The server accepted a join; `frame.participants` is the presence snapshot at `frame.seq`. */
  onJoined?(frame: JoinedFrame): void;
  /** A new event, in seq order, exactly once per seq. */
  onEvent?(event: MeetingEvent): void;
  /** A command was taken; it is sent now or after the next join, until acked or refused. */
  onQueued?(command: CommandFrame): void;
  onAck?(id: string, seq: number): void;
  /** The server refused a command; it is not resent. */
  onCommandError?(command: CommandFrame, code: string, message: string): void;
  /** An error not tied to a pending command. `terminal` errors end the connection. */
  onError?(code: string, message: string, terminal: boolean): void;
}

export interface MeetingConnectionOptions {
  url: string;
  meetingId: string;
  /** Read on every (re)join, so a refreshed token is used. */
  token: () => string | null;
  inviteCode?: string;
  factory: SocketFactory;
  listener: ConnectionListener;
  /** The last seq already applied (0 = replay the whole log on the first join). */
  lastSeq?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** In [0, 1); jitter source, injectable for tests. */
  random?: () => number;
  /** How often a live connection pings (default 5 s); 0 disables the heartbeat. */
  pingIntervalMs?: number;
  /** How long after a ping silence means the socket is gone (default 4 s): a loss is noticed within ~10 s. */
  pongTimeoutMs?: number;
  newId?: () => string;
}

/**
 * The client side of one meeting's WebSocket (§7): joins, resumes with `lastSeq` after any drop
 * (exponential backoff with jitter), resends every un-acked command with its original `id` (the
 * server applies a re-sent id once and acks it again), and hands events upwards exactly once and
 * in order: seq ≤ last applied is a duplicate and ignored; a seq beyond last + 1 means frames were
 * lost, so it drops the socket and rejoins with `lastSeq` to get the missing ones replayed.
 */
export class MeetingConnection {
  private current: ConnectionState = 'idle';
  private transport: SocketTransport | null = null;
  private lastApplied: number;
  private attempt = 0;
  private batching = true;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private pongDeadline: ReturnType<typeof setTimeout> | null = null;
  /** Un-acked commands in the order they were issued. */
  private readonly pending = new Map<string, CommandFrame>();

  constructor(private readonly options: MeetingConnectionOptions) {
    this.lastApplied = options.lastSeq ?? 0;
  }

  get state(): ConnectionState {
    return this.current;
  }

  get lastSeq(): number {
    return this.lastApplied;
  }

  /** Commands sent (or queued) and not yet acked. */
  get unacked(): readonly CommandFrame[] {
    return [...this.pending.values()];
  }

  /** The retry delay for a 0-based attempt: base·2ⁿ capped, then "equal jitter" (half fixed, half random). */
  static backoffDelay(attempt: number, baseMs: number, maxMs: number, random: number): number {
    const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
    return Math.round(ceiling / 2 + (ceiling / 2) * random);
  }

  start(): void {
    if (this.current !== 'idle') return;
    this.connect();
  }

  /** Queues a command; it goes out now if live, else right after the next successful join. */
  send(command: Command): string {
    if (this.current === 'closed') throw new Error('connection closed');
    const id = (this.options.newId ?? defaultId)();
    const frame = { ...command, id } as CommandFrame;
    this.pending.set(id, frame);
    this.options.listener.onQueued?.(frame);
    if (this.current === 'live') this.write(frame);
    return id;
  }

  /** Ends the connection for good (leaving the room). */
  close(): void {
    if (this.current === 'closed') return;
    this.teardown(1000, 'leave');
    this.setState('closed');
  }

  private connect(): void {
    this.setState(this.current === 'idle' ? 'connecting' : 'reconnecting');
    const transport = this.options.factory(this.options.url, {
      onOpen: () => {
        if (this.transport !== transport) return;
        this.onOpen();
      },
      onMessage: (data) => {
        if (this.transport !== transport) return;
        this.onFrame(data);
      },
      onClose: () => {
        if (this.transport !== transport) return;
        this.transport = null;
        this.onDrop();
      },
    });
    this.transport = transport;
  }

  private onOpen(): void {
    this.setState('joining');
    this.join();
  }

  private join(): void {
    const token = this.options.token();
    if (!token) {
      this.fail('unauthenticated', 'no session');
      return;
    }
    this.write({
      type: 'join',
      meetingId: this.options.meetingId,
      token,
      lastSeq: this.lastApplied,
      ...(this.batching ? { batch: true } : {}),
      ...(this.options.inviteCode ? { inviteCode: this.options.inviteCode } : {}),
    });
  }

  /** A server from before batched frames (a node not yet upgraded) refuses the field: join without it. */
  private refusedBatching(code: string, message: string): boolean {
    if (this.current !== 'joining' || !this.batching || code !== 'invalid_message' || !message.includes('batch')) return false;
    this.batching = false;
    this.join();
    return true;
  }

  private onFrame(data: string): void {
    this.clearPongDeadline();
    const frame = parseServerFrame(data);
    if (!frame) return;
    const { listener } = this.options;
    switch (frame.type) {
      case 'joined':
        if (this.current !== 'joining') return;
        this.attempt = 0;
        this.setState('live');
        listener.onJoined?.(frame);
        for (const command of this.pending.values()) this.write(command);
        this.startHeartbeat();
        return;
      case 'event':
        this.onEvent(frame);
        return;
      case 'events':
        for (const event of frame.events) {
          if (!this.onEvent(event)) return;
        }
        return;
      case 'ack':
        if (this.pending.delete(frame.id)) listener.onAck?.(frame.id, frame.seq);
        return;
      case 'error': {
        const command = frame.id ? this.pending.get(frame.id) : undefined;
        if (command) {
          this.pending.delete(command.id);
          listener.onCommandError?.(command, frame.code, frame.message);
          return;
        }
        if (this.refusedBatching(frame.code, frame.message)) return;
        if (TERMINAL_WS_ERRORS.has(frame.code)) this.fail(frame.code, frame.message);
        else listener.onError?.(frame.code, frame.message, false);
        return;
      }
      case 'pong':
        return;
    }
  }

  /** Applies the next event in seq order; false when a gap dropped the socket, so what follows waits for the replay. */
  private onEvent(frame: EventFrame): boolean {
    if (frame.seq <= this.lastApplied) return true; // already applied: a replay overlap or a duplicate
    if (frame.seq > this.lastApplied + 1) {
      this.drop(); // frames were lost: rejoin with lastSeq and let the server replay them
      return false;
    }
    this.lastApplied = frame.seq;
    const { type: _type, ...event } = frame;
    this.options.listener.onEvent?.(event);
    return true;
  }

  private onDrop(): void {
    this.stopHeartbeat();
    if (this.current === 'closed') return;
    this.setState('reconnecting');
    const delay = MeetingConnection.backoffDelay(
      this.attempt,
      this.options.backoffBaseMs ?? 500,
      this.options.backoffMaxMs ?? 15_000,
      (this.options.random ?? Math.random)(),
    );
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.current === 'reconnecting') this.connect();
    }, delay);
  }

  /** Closes the socket from our side and goes through the normal reconnect path. */
  private drop(): void {
    const transport = this.transport;
    this.transport = null;
    transport?.close(4000, 'resync');
    this.onDrop();
  }

  private fail(code: string, message: string): void {
    this.teardown(1000, code);
    this.setState('closed');
    this.options.listener.onError?.(code, message, true);
  }

  private teardown(code: number, reason: string): void {
    this.stopHeartbeat();
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const transport = this.transport;
    this.transport = null;
    transport?.close(code, reason);
  }

  /** Pings every interval; any frame answers. Silence past the deadline means a half-open socket: drop and rejoin. */
  private startHeartbeat(): void {
    this.stopHeartbeat();
    const interval = this.options.pingIntervalMs ?? 5_000;
    if (interval <= 0) return;
    const timeout = Math.min(this.options.pongTimeoutMs ?? 4_000, interval);
    this.pingTimer = setInterval(() => {
      if (this.pongDeadline !== null) return;
      this.write({ type: 'ping', id: (this.options.newId ?? defaultId)() });
      this.pongDeadline = setTimeout(() => {
        this.pongDeadline = null;
        this.drop();
      }, timeout);
    }, interval);
  }

  private stopHeartbeat(): void {
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.clearPongDeadline();
  }

  private clearPongDeadline(): void {
    if (this.pongDeadline !== null) clearTimeout(this.pongDeadline);
    this.pongDeadline = null;
  }

  private write(frame: ClientFrame): void {
    this.transport?.send(JSON.stringify(frame));
  }

  private setState(next: ConnectionState): void {
    const previous = this.current;
    if (previous === next) return;
    this.current = next;
    this.options.listener.onState?.(next, previous);
  }
}

function defaultId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;
}
