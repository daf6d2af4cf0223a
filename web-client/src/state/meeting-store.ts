import type { ConnectionState } from '../net/meeting-connection';
import {
  isParticipant,
  isPhase,
  PHASES,
  type CommandFrame,
  type JoinedFrame,
  type Meeting,
  type MeetingEvent,
  type Participant,
  type Phase,
  type ProposalType,
  type User,
} from '../net/protocol';

export interface ChatMessage {
  readonly messageId: string;
  readonly seq: number;
  readonly text: string;
  readonly replyTo: string | null;
  readonly phase: Phase | null;
  readonly author: Participant | null;
  readonly at: string;
  readonly hidden: boolean;
  /** emoji → the accounts that reacted with it. */
  readonly reactions: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface Proposal {
  readonly proposalId: string;
  readonly seq: number;
  readonly targetActivity: string;
  readonly type: ProposalType | string;
  readonly description: string;
  readonly keepsAbilities: string;
  readonly cost?: string;
  readonly area?: string;
  readonly serviceId?: string;
  readonly phase: Phase | null;
  readonly author: Participant | null;
  readonly endorsers: ReadonlySet<string>;
}

export interface RaisedHand {
  readonly accountId: string;
  readonly displayName: string;
  readonly seq: number;
}

/** The last thing worth announcing to screen-reader users (a new message by someone else). */
export interface Announcement {
  readonly seq: number;
  readonly author: string;
  readonly text: string;
}

export interface CommandFailure {
  readonly type: string;
  readonly code: string;
  readonly message: string;
  /** The text of a refused post, so the writer can change it instead of typing it again. */
  readonly unsentText?: string;
}

/** Dispatched by {@link MeetingStore} after every change. */
export class MeetingChangeEvent extends Event {
  static readonly type = 'meeting-change';
  constructor() {
    super(MeetingChangeEvent.type);
  }
}

/**
 * Everything one participant sees of a live meeting, rebuilt from the §7 event log. Framework-free
 * (an EventTarget, like TodoMVC Lit's model) and the only place meeting state changes: the
 * connection feeds it through {@link joined}, {@link apply}, {@link setConnection} and
 * {@link commandFailed}; components only read the getters and listen for {@link MeetingChangeEvent}.
 */
export class MeetingStore extends EventTarget {
  private meetingInfo: Meeting | null = null;
  private connectionState: ConnectionState = 'idle';
  private currentPhase: Phase | null = null;
  private endsAt: string | null = null;
  private closed = false;
  private readonly messageMap = new Map<string, MutableMessage>();
  private readonly proposalMap = new Map<string, MutableProposal>();
  private readonly handQueue = new Map<string, RaisedHand>();
  private readonly presence = new Map<string, Participant>();
  private readonly muted = new Set<string>();
  private readonly removed = new Set<string>();
  /** Presence events at or below this seq are already in the joined snapshot. */
  private presenceSeq = 0;
  private lastSeq = 0;
  private lastAnnouncement: Announcement | null = null;
  private lastFailure: CommandFailure | null = null;
  private lastErrorCode: string | null = null;

  constructor(readonly me: User) {
    super();
  }

  /* ---- reads ---- */

  get meeting(): Meeting | null {
    return this.meetingInfo;
  }
  get connection(): ConnectionState {
    return this.connectionState;
  }
  get phase(): Phase | null {
    return this.currentPhase;
  }
  get phaseEndsAt(): string | null {
    return this.endsAt;
  }
  get isClosed(): boolean {
    return this.closed || this.currentPhase === 'closed';
  }
  get seq(): number {
    return this.lastSeq;
  }
  get isHost(): boolean {
    return this.meetingInfo !== null && this.meetingInfo.hostId === this.me.id;
  }
  get isMuted(): boolean {
    return this.muted.has(this.me.id);
  }
  get isRemoved(): boolean {
    return this.removed.has(this.me.id);
  }
  get handRaised(): boolean {
    return this.handQueue.has(this.me.id);
  }
  get announcement(): Announcement | null {
    return this.lastAnnouncement;
  }
  get failure(): CommandFailure | null {
    return this.lastFailure;
  }
  /** A terminal connection error (forbidden, not_found, …), if one ended the session. */
  get errorCode(): string | null {
    return this.lastErrorCode;
  }

  /**
   * Top-level messages in seq order. Hidden ones are dropped, except for the host (who sees them
   * marked); a reply whose parent is not shown stands on its own.
   */
  get messages(): ChatMessage[] {
    const visible = this.visible();
    const shown = new Set(visible.map((m) => m.messageId));
    return visible.filter((m) => m.replyTo === null || !shown.has(m.replyTo));
  }

  /** Replies to `messageId`, oldest first, with the same hiding rule. */
  replies(messageId: string): ChatMessage[] {
    return this.visible().filter((m) => m.replyTo === messageId);
  }

  message(messageId: string): ChatMessage | undefined {
    return this.messageMap.get(messageId);
  }

  get proposals(): Proposal[] {
    return [...this.proposalMap.values()].sort((a, b) => a.seq - b.seq);
  }

  /** The speaking queue, first raised first. */
  get hands(): RaisedHand[] {
    return [...this.handQueue.values()].sort((a, b) => a.seq - b.seq);
  }

  get participants(): Participant[] {
    return [...this.presence.values()];
  }

  isParticipantMuted(accountId: string): boolean {
    return this.muted.has(accountId);
  }

  /* ---- writes: the only place meeting state changes ---- */

  setMeeting(meeting: Meeting): void {
    this.meetingInfo = meeting;
    if (this.lastSeq === 0) {
      this.currentPhase = isPhase(meeting.phase) ? meeting.phase : null;
      this.endsAt = meeting.phaseEndsAt ?? null;
      this.closed = meeting.state === 'closed';
    }
    this.changed();
  }

  setConnection(state: ConnectionState): void {
    this.connectionState = state;
    this.changed();
  }

  /** A (re)join: the participant list replaces presence as of `frame.seq`. */
  joined(frame: JoinedFrame): void {
    this.presence.clear();
    for (const participant of frame.participants) {
      if (!this.removed.has(participant.accountId)) this.presence.set(participant.accountId, participant);
    }
    this.presenceSeq = frame.seq;
    this.changed();
  }

  commandFailed(command: CommandFrame, code: string, message: string): void {
    this.lastFailure = { type: command.type, code, message, unsentText: command.type === 'post' ? command.text : undefined };
    if (code === 'muted') this.muted.add(this.me.id);
    this.changed();
  }

  connectionFailed(code: string): void {
    this.lastErrorCode = code;
    this.changed();
  }

  clearFailure(): void {
    this.lastFailure = null;
    this.changed();
  }

  /** Applies one event of the log. The connection guarantees order and exactly-once. */
  apply(event: MeetingEvent): void {
    this.lastSeq = Math.max(this.lastSeq, event.seq);
    const data = event.data;
    const actorId = event.actor?.accountId ?? null;
    switch (event.kind) {
      case 'message.posted': {
        const messageId = str(data.messageId);
        if (!messageId) break;
        const message: MutableMessage = {
          messageId,
          seq: event.seq,
          text: str(data.text) ?? '',
          replyTo: str(data.replyTo) ?? null,
          phase: isPhase(data.phase) ? data.phase : this.currentPhase,
          author: event.actor,
          at: event.at,
          // a message hidden before this client read the log arrives as a tombstone without text
          hidden: data.hidden === true,
          reactions: new Map(),
        };
        this.messageMap.set(messageId, message);
        if (this.connectionState === 'live' && actorId !== this.me.id && !message.hidden) {
          this.lastAnnouncement = { seq: event.seq, author: event.actor?.displayName ?? '', text: message.text };
        }
        break;
      }
      case 'message.hidden': {
        const message = this.messageMap.get(str(data.messageId) ?? '');
        if (message) {
          message.hidden = true;
          message.text = '';
        }
        break;
      }
      case 'reaction.changed': {
        const message = this.messageMap.get(str(data.messageId) ?? '');
        const emoji = str(data.emoji);
        if (!message || !emoji || !actorId) break;
        const accounts = message.reactions.get(emoji) ?? new Set<string>();
        if (data.on === false) accounts.delete(actorId);
        else accounts.add(actorId);
        if (accounts.size === 0) message.reactions.delete(emoji);
        else message.reactions.set(emoji, accounts);
        break;
      }
      case 'hand.changed': {
        const accountId = str(data.accountId) ?? actorId;
        if (!accountId) break;
        if (data.raised === true) {
          const name = accountId === actorId ? (event.actor?.displayName ?? '') : this.nameOf(accountId);
          if (!this.handQueue.has(accountId)) this.handQueue.set(accountId, { accountId, displayName: name, seq: event.seq });
        } else {
          this.handQueue.delete(accountId);
        }
        break;
      }
      case 'proposal.posted': {
        const proposalId = str(data.proposalId);
        if (!proposalId) break;
        const body = isRecord(data.proposal) ? data.proposal : data;
        this.proposalMap.set(proposalId, {
          proposalId,
          seq: event.seq,
          targetActivity: str(body.targetActivity) ?? '',
          type: str(body.type) ?? '',
          description: str(body.description) ?? '',
          keepsAbilities: str(body.keepsAbilities) ?? '',
          cost: str(body.cost),
          area: str(body.area),
          serviceId: str(body.serviceId),
          phase: isPhase(data.phase) ? data.phase : this.currentPhase,
          author: event.actor,
          endorsers: new Set(),
        });
        break;
      }
      case 'proposal.endorsed': {
        const proposal = this.proposalMap.get(str(data.proposalId) ?? '');
        if (proposal && actorId) proposal.endorsers.add(actorId);
        break;
      }
      case 'phase.changed': {
        const to = data.to;
        if (!isPhase(to)) break;
        this.currentPhase = to;
        this.endsAt = str(data.endsAt) ?? null;
        if (to === 'closed') this.closed = true;
        break;
      }
      case 'meeting.closed':
        this.closed = true;
        this.currentPhase = 'closed';
        this.endsAt = null;
        break;
      case 'participant.joined':
        if (event.seq > this.presenceSeq && isParticipant(data)) {
          this.presence.set(data.accountId, participantOf(data));
        }
        break;
      case 'participant.left': {
        const accountId = str(data.accountId) ?? actorId;
        if (!accountId) break;
        if (event.seq > this.presenceSeq) this.presence.delete(accountId);
        this.handQueue.delete(accountId);
        break;
      }
      case 'participant.muted':
      case 'participant.unmuted': {
        const accountId = str(data.accountId);
        if (!accountId) break;
        const mute = event.kind === 'participant.muted' && data.muted !== false;
        if (mute) this.muted.add(accountId);
        else this.muted.delete(accountId);
        break;
      }
      case 'participant.removed': {
        const accountId = str(data.accountId);
        if (!accountId) break;
        this.removed.add(accountId);
        this.presence.delete(accountId);
        this.handQueue.delete(accountId);
        break;
      }
      default:
        // summary.updated and kinds this client does not know yet: nothing to show live.
        break;
    }
    this.changed();
  }

  private visible(): MutableMessage[] {
    const host = this.isHost;
    return [...this.messageMap.values()].filter((m) => host || !m.hidden).sort((a, b) => a.seq - b.seq);
  }

  private nameOf(accountId: string): string {
    return this.presence.get(accountId)?.displayName ?? '';
  }

  private changed(): void {
    this.dispatchEvent(new MeetingChangeEvent());
  }
}

export interface MeetingStore {
  addEventListener(type: typeof MeetingChangeEvent.type, listener: (event: MeetingChangeEvent) => void): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void;
  removeEventListener(type: typeof MeetingChangeEvent.type, listener: (event: MeetingChangeEvent) => void): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void;
}

/** The phase after `phase` in the §4 flow (null before the first). */
export function nextPhase(phase: Phase | null): Phase | null {
  if (phase === null) return PHASES[0];
  const index = PHASES.indexOf(phase);
  return index >= 0 && index < PHASES.length - 1 ? PHASES[index + 1] : null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableMessage = Mutable<Omit<ChatMessage, 'reactions'>> & { reactions: Map<string, Set<string>> };
type MutableProposal = Mutable<Omit<Proposal, 'endorsers'>> & { endorsers: Set<string> };

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function participantOf(data: Participant): Participant {
  return {
    accountId: data.accountId,
    displayName: data.displayName,
    role: data.role,
    profession: data.profession ?? null,
    organization: data.organization ?? null,
  };
}
