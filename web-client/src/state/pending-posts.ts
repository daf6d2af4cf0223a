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

/** The writer's own un-acked posts, in the order they were sent. */
export class PendingPosts {
  private readonly posts = new Map<string, PendingPost>();

  get list(): PendingPost[] {
    return [...this.posts.values()];
  }

  queued(command: CommandFrame, caseId: string | null): void {
    if (command.type !== 'post') return;
    this.posts.set(command.id, { id: command.id, text: command.text, replyTo: command.replyTo ?? null, caseId, state: 'pending' });
  }

  /** The ack, or the writer took the text back or discarded it. */
  remove(id: string): void {
    this.posts.delete(id);
  }

  failed(id: string, code: string): void {
    const post = this.posts.get(id);
    if (post) this.posts.set(id, { ...post, state: 'failed', code });
  }

  /** The connection ended for good: nothing still waiting will be sent. */
  allFailed(code: string): void {
    for (const post of this.list) if (post.state === 'pending') this.failed(post.id, code);
  }

  /**
   * The writer's own message came back as an event: the oldest pending post with its text is it.
   * (The event comes a moment before its ack; without this both would show for that moment.)
   */
  posted(text: string): void {
    const post = this.list.find((p) => p.state === 'pending' && p.text === text);
    if (post) this.posts.delete(post.id);
  }
}
