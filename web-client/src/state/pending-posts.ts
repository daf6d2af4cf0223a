import type { CommandFrame } from '../net/protocol';

/**
 * A post the server has not acknowledged yet: `pending` while it waits (also across a reconnect,
 * which resends it with the same id), `failed` once the server refused it. It stays on screen until
 * it is acked, or until the writer takes its text back or discards it: nothing typed vanishes.
 */
export interface PendingPost {
  readonly id: string;
  readonly text: string;
  readonly replyTo: string | null;
  /** The case in focus when it was written; the server files it the same way. */
  readonly caseId: string | null;
  readonly state: 'pending' | 'failed';
  /** The refusal's code, when failed. */
  readonly code?: string;
}

/**
 * The writer's own un-acked posts, in the order they were sent. A post is matched to its outcome by
 * its command id: the ack (which names the seq of its event) or the refusal. Its event usually comes
 * a moment before the ack, and events carry no command id, so the oldest waiting post with the
 * event's text is hidden until then — only provisionally: the same account may post the same text
 * from another tab, so an ack naming that seq for another post, or a refusal, shows it again.
 */
export class PendingPosts {
  private readonly posts = new Map<string, PendingPost>();
  /** Waiting posts hidden because an own event with their text came: post id → that event's seq. */
  private readonly takenFor = new Map<string, number>();
  /** Seqs acked before their event arrived: that event answers a post already gone. */
  private readonly ackedAhead = new Set<number>();

  get list(): PendingPost[] {
    return [...this.posts.values()].filter((p) => !this.takenFor.has(p.id));
  }

  queued(command: CommandFrame, caseId: string | null): void {
    if (command.type !== 'post') return;
    this.posts.set(command.id, { id: command.id, text: command.text, replyTo: command.replyTo ?? null, caseId, state: 'pending' });
  }

  /**
   * Post `id` is stored as event `seq`. `seenSeq` is the last event applied: a later seq has not
   * arrived yet. A post hidden for this seq had the same text but was another tab's: it shows again.
   */
  acked(id: string, seq: number, seenSeq: number): void {
    this.remove(id);
    for (const [other, taken] of this.takenFor) if (taken === seq) this.takenFor.delete(other);
    if (seq > seenSeq) this.ackedAhead.add(seq);
  }

  /** The writer took the text back or discarded it. */
  remove(id: string): void {
    this.posts.delete(id);
    this.takenFor.delete(id);
  }

  failed(id: string, code: string): void {
    const post = this.posts.get(id);
    this.takenFor.delete(id);
    if (post) this.posts.set(id, { ...post, state: 'failed', code });
  }

  /**
   * The connection ended for good: nothing still waiting will be sent. A post hidden by an own event
   * with its text stays hidden: that event most likely is it, and it is on screen.
   */
  allFailed(code: string): void {
    for (const post of this.list) if (post.state === 'pending') this.failed(post.id, code);
  }

  /** The writer's own message came back as event `seq`: hide the oldest waiting post with its text until its ack. */
  posted(text: string, seq: number): void {
    if (this.ackedAhead.delete(seq)) return;
    const post = this.list.find((p) => p.state === 'pending' && p.text === text);
    if (post) this.takenFor.set(post.id, seq);
  }
}
