import { isPhase, type MeetingEvent, type Participant, type Phase } from '../net/protocol';

export interface ChatMessage {
  readonly messageId: string;
  readonly seq: number;
  readonly text: string;
  readonly replyTo: string | null;
  readonly phase: Phase | null;
  /** The agenda case the message belongs to (the first case for a log stored before the agenda). */
  readonly caseId: string | null;
  readonly author: Participant | null;
  readonly at: string;
  readonly hidden: boolean;
  /** emoji → the accounts that reacted with it. */
  readonly reactions: ReadonlyMap<string, ReadonlySet<string>>;
}

type MessagePosted = Extract<MeetingEvent, { kind: 'message.posted' }>;
type MutableMessage = { -readonly [K in keyof ChatMessage]: ChatMessage[K] };

/**
 * The meeting's messages with their reactions, as the log built them. Hidden ones are left out
 * except for the host (who sees them marked); a reply whose parent is not shown stands on its own.
 */
export class RoomMessages {
  private readonly byId = new Map<string, MutableMessage>();

  get(messageId: string): ChatMessage | undefined {
    return this.byId.get(messageId);
  }

  /** Top-level messages in seq order. */
  topLevel(host: boolean): ChatMessage[] {
    const visible = this.visible(host);
    const shown = new Set(visible.map((m) => m.messageId));
    return visible.filter((m) => m.replyTo === null || !shown.has(m.replyTo));
  }

  /** Replies to `messageId`, oldest first. */
  replies(messageId: string, host: boolean): ChatMessage[] {
    return this.visible(host).filter((m) => m.replyTo === messageId);
  }

  /** `phase` and `caseId` stand in for what a log stored before them does not say. */
  posted(event: MessagePosted, phase: Phase | null, caseId: string | null): ChatMessage {
    const { data } = event;
    const message: MutableMessage = {
      messageId: data.messageId,
      seq: event.seq,
      text: data.text ?? '',
      replyTo: data.replyTo ?? null,
      phase: isPhase(data.phase) ? data.phase : phase,
      caseId: data.caseId ?? caseId,
      author: event.actor,
      at: event.at,
      // a message hidden before this client read the log arrives as a tombstone without text
      hidden: data.hidden === true,
      reactions: new Map(),
    };
    this.byId.set(data.messageId, message);
    return message;
  }

  hide(messageId: string): void {
    const message = this.byId.get(messageId);
    if (message) {
      message.hidden = true;
      message.text = '';
    }
  }

  /** Replaces the message's reactions (never changes them in place), so a view comparing them sees the change. */
  react(messageId: string, emoji: string, accountId: string, on: boolean): void {
    const message = this.byId.get(messageId);
    if (!message) return;
    const accounts = new Set(message.reactions.get(emoji));
    if (on) accounts.add(accountId);
    else accounts.delete(accountId);
    const reactions = new Map(message.reactions);
    if (accounts.size === 0) reactions.delete(emoji);
    else reactions.set(emoji, accounts);
    message.reactions = reactions;
  }

  private visible(host: boolean): MutableMessage[] {
    return [...this.byId.values()].filter((m) => host || !m.hidden).sort((a, b) => a.seq - b.seq);
  }
}
