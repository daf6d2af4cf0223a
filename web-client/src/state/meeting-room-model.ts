import type { ConnectionState } from '../net/meeting-connection';
import type { ParticipantJoined, Summary } from '../net/protocol.generated';
import {
  isObject,
  isPhase,
  type CommandFrame,
  type JoinedFrame,
  type Meeting,
  type MeetingEvent,
  type Participant,
  type Phase,
  type ProposalType,
  type User,
} from '../net/protocol';
import { TypedEventTarget } from '../shared/typed-events';
import { PendingPosts, type PendingPost } from './pending-posts';
import { RoomMessages, type ChatMessage } from './room-messages';
import { SpeakingQueue, type RaisedHand, type Speaker } from './speaking-queue';

export type { ChatMessage, PendingPost, RaisedHand, Speaker };
export type QueuedHand = RaisedHand & { readonly present: boolean };

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
  readonly caseId: string | null;
  readonly author: Participant | null;
  readonly endorsers: ReadonlySet<string>;
}

/** The last thing worth announcing to screen-reader users (a new message by someone else). */
export interface Announcement {
  readonly seq: number;
  readonly author: string;
  readonly text: string;
}

export interface CommandFailure {
  /** The refused command's id. */
  readonly id: string;
  readonly type: string;
  readonly code: string;
  readonly message: string;
  /** The text of a refused post, so the writer can change it instead of typing it again. */
  readonly unsentText?: string;
}

/** Dispatched by {@link MeetingRoomModel} after every change. */
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
export class MeetingRoomModel extends TypedEventTarget<typeof MeetingChangeEvent.type, MeetingChangeEvent> {
  private meetingInfo: Meeting | null = null;
  private connectionState: ConnectionState = 'idle';
  private currentPhase: Phase | null = null;
  private endsAt: string | null = null;
  private focusCase: string | null = null;
  private closed = false;
  private readonly messageBoard = new RoomMessages();
  private readonly proposalMap = new Map<string, MutableProposal>();
  private readonly speaking = new SpeakingQueue();
  private readonly unacked = new PendingPosts();
  private readonly presence = new Map<string, Participant>();
  private readonly muted = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly summaryByCase = new Map<string, Summary>();
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
  /** The agenda case under discussion; `phase` is its phase. */
  get focusCaseId(): string | null {
    return this.focusCase;
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
    return this.speaking.isRaised(this.me.id);
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
    return this.messageBoard.topLevel(this.isHost);
  }

  /** Replies to `messageId`, oldest first, with the same hiding rule. */
  replies(messageId: string): ChatMessage[] {
    return this.messageBoard.replies(messageId, this.isHost);
  }

  message(messageId: string): ChatMessage | undefined {
    return this.messageBoard.get(messageId);
  }

  get proposals(): Proposal[] {
    return [...this.proposalMap.values()].sort((a, b) => a.seq - b.seq);
  }

  /** The speaking queue, first raised first; `present: false` for one who is away (the hand stays up). */
  get hands(): QueuedHand[] {
    return this.speaking.hands.map((hand) => ({ ...hand, present: this.presence.has(hand.accountId) }));
  }

  /** Who the host last gave the floor to. */
  get speaker(): Speaker | null {
    return this.speaking.speaker;
  }

  /** My posts not acknowledged yet (送信待ち) or refused, oldest first. */
  get pendingPosts(): PendingPost[] {
    return this.unacked.list;
  }

  get participants(): Participant[] {
    return [...this.presence.values()];
  }

  /** The まとめ saved for `caseId` (the first case's without one), as the log last said. */
  summaryOf(caseId?: string): Summary | null {
    const id = caseId ?? this.firstCaseId();
    return (id !== null && this.summaryByCase.get(id)) || null;
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
      this.focusCase = typeof meeting.focusCaseId === 'string' ? meeting.focusCaseId : this.firstCaseId();
      meeting.caseIds.forEach((id, i) => {
        const saved = isObject(meeting.summaries) ? meeting.summaries[id] : i === 0 ? meeting.summary : undefined;
        if (isObject(saved) && typeof saved.direction === 'string') this.summaryByCase.set(id, saved as unknown as Summary);
      });
      this.closed = meeting.state === 'closed';
    }
    this.changed();
  }

  setConnection(state: ConnectionState): void {
    this.connectionState = state;
    if (state === 'closed') this.unacked.allFailed('disconnected');
    this.changed();
  }

  /** A (re)join: the participant list replaces presence as of `frame.seq`. */
  joined(frame: Omit<JoinedFrame, 'participants'> & { readonly participants: readonly Participant[] }): void {
    this.presence.clear();
    for (const participant of frame.participants) {
      if (!this.removed.has(participant.accountId)) this.presence.set(participant.accountId, participant);
    }
    this.presenceSeq = frame.seq;
    this.changed();
  }

  /** A command was handed to the connection: a post shows as 送信待ち until its ack. */
  commandQueued(command: CommandFrame): void {
    this.unacked.queued(command, command.type === 'post' && command.replyTo ? (this.message(command.replyTo)?.caseId ?? null) : this.focusCase);
    this.changed();
  }

  /** Command `id` is stored as event `seq`. */
  commandAcked(id: string, seq: number): void {
    this.unacked.acked(id, seq, this.lastSeq);
    this.changed();
  }

  /** The writer took a refused post's text back into the composer, or let it go. */
  dropPendingPost(id: string): void {
    this.unacked.remove(id);
    this.changed();
  }

  commandFailed(command: CommandFrame, code: string, message: string): void {
    this.lastFailure = { id: command.id, type: command.type, code, message, unsentText: command.type === 'post' ? command.text : undefined };
    this.unacked.failed(command.id, code);
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
    const actorId = event.actor?.accountId ?? null;
    switch (event.kind) {
      case 'message.posted': {
        const message = this.messageBoard.posted(event, this.currentPhase, this.firstCaseId());
        if (actorId === this.me.id) this.unacked.posted(message.text, event.seq);
        if (this.connectionState === 'live' && actorId !== this.me.id && !message.hidden) {
          this.lastAnnouncement = { seq: event.seq, author: event.actor?.displayName ?? '', text: message.text };
        }
        break;
      }
      case 'message.hidden':
        this.messageBoard.hide(event.data.messageId);
        break;
      case 'reaction.changed':
        if (actorId) this.messageBoard.react(event.data.messageId, event.data.emoji, actorId, event.data.on);
        break;
      case 'hand.changed':
        if (!actorId) break;
        if (event.data.raised) this.speaking.raise(actorId, event.actor.displayName, event.seq);
        else this.speaking.lower(actorId);
        break;
      case 'hand.lowered':
        this.speaking.lower(event.data.accountId);
        break;
      case 'speaker.called':
        this.speaking.call(event.data.accountId, this.presence.get(event.data.accountId)?.displayName ?? '');
        break;
      case 'proposal.posted': {
        const { data } = event;
        this.proposalMap.set(data.proposalId, {
          proposalId: data.proposalId,
          seq: event.seq,
          targetActivity: data.targetActivity,
          type: data.type,
          description: data.description,
          keepsAbilities: data.keepsAbilities,
          // the optional texts may come as given, empty; empty is not shown
          cost: data.cost || undefined,
          area: data.area || undefined,
          serviceId: data.serviceId || undefined,
          phase: isPhase(data.phase) ? data.phase : this.currentPhase,
          caseId: data.caseId ?? this.firstCaseId(),
          author: event.actor,
          endorsers: new Set(),
        });
        break;
      }
      case 'proposal.endorsed': {
        const proposal = this.proposalMap.get(event.data.proposalId);
        if (proposal && actorId) proposal.endorsers.add(actorId);
        break;
      }
      case 'phase.changed': {
        const { to, endsAt } = event.data;
        if (!isPhase(to)) break;
        this.currentPhase = to;
        this.endsAt = endsAt ?? null;
        if (to === 'closed') this.closed = true;
        break;
      }
      case 'case.focused': {
        const { caseId, phase, endsAt } = event.data;
        this.focusCase = caseId;
        if (isPhase(phase)) this.currentPhase = phase;
        this.endsAt = endsAt;
        break;
      }
      case 'participant.joined':
        if (event.seq > this.presenceSeq) this.presence.set(event.data.accountId, participantOf(event.data));
        break;
      case 'participant.left':
        if (event.seq > this.presenceSeq) this.presence.delete(event.data.accountId);
        break;
      case 'participant.muted':
        this.muted.add(event.data.accountId);
        break;
      case 'participant.unmuted':
        this.muted.delete(event.data.accountId);
        break;
      case 'participant.removed':
        this.removed.add(event.data.accountId);
        this.presence.delete(event.data.accountId);
        this.speaking.lower(event.data.accountId);
        break;
      case 'summary.updated': {
        const { caseId, ...summary } = event.data;
        const forCase = caseId ?? this.firstCaseId();
        if (forCase !== null) this.summaryByCase.set(forCase, summary);
        break;
      }
      default: {
        // a kind from a newer server: nothing this client can show
        const unknown: never = event;
        void unknown;
      }
    }
    this.changed();
  }

  /** A log stored before the agenda names no case: its events belong to the first. */
  private firstCaseId(): string | null {
    return this.meetingInfo?.caseIds[0] ?? null;
  }

  private changed(): void {
    this.dispatchEvent(new MeetingChangeEvent());
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableProposal = Mutable<Omit<Proposal, 'endorsers'>> & { endorsers: Set<string> };

function participantOf(data: ParticipantJoined): Participant {
  return {
    accountId: data.accountId,
    displayName: data.displayName,
    role: data.role,
    profession: data.profession ?? null,
    organization: data.organization ?? null,
  };
}
