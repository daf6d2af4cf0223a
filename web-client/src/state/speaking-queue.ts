export interface RaisedHand {
  readonly accountId: string;
  readonly displayName: string;
  readonly seq: number;
}

/** Who the host gave the floor to (`speaker.called`). */
export interface Speaker {
  readonly accountId: string;
  readonly displayName: string;
}

/**
 * The speaking queue as the log built it: raised hands, first raised first, and the speaker the
 * host last called on. A hand comes down by its owner, by the host, when its owner is called on or
 * is removed — the same rules the server folds (`meeting/RaisedHands`). Leaving keeps it up: a
 * dropped connection is no decision to give up one's turn.
 */
export class SpeakingQueue {
  private readonly queue = new Map<string, RaisedHand>();
  private called: Speaker | null = null;

  /** The queue, first raised first. */
  get hands(): RaisedHand[] {
    return [...this.queue.values()].sort((a, b) => a.seq - b.seq);
  }

  get speaker(): Speaker | null {
    return this.called;
  }

  isRaised(accountId: string): boolean {
    return this.queue.has(accountId);
  }

  /** Raising a hand that is up already keeps its place. */
  raise(accountId: string, displayName: string, seq: number): void {
    if (!this.queue.has(accountId)) this.queue.set(accountId, { accountId, displayName, seq });
  }

  lower(accountId: string): void {
    this.queue.delete(accountId);
  }

  /** `displayName` is used when the called account's hand is no longer in the queue. */
  call(accountId: string, displayName: string): void {
    this.called = { accountId, displayName: this.queue.get(accountId)?.displayName ?? displayName };
    this.queue.delete(accountId);
  }
}
