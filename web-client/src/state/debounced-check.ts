/**
 * Runs a check some time after the last edit, keeping only the newest answer: a check started
 * while another is in flight aborts it, and an answer that arrives after a newer check was started
 * is dropped, so highlights never go backwards. Used by every editor whose text is checked for
 * personal information as the user types.
 */
export class DebouncedCheck<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private abort: AbortController | null = null;

  constructor(
    private readonly run: (signal: AbortSignal) => Promise<T>,
    private readonly onResult: (result: T) => void,
  ) {}

  schedule(delayMs: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.check();
    }, delayMs);
  }

  /** Forgets the pending check and any answer still on its way. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
    this.abort = null;
    this.generation += 1;
  }

  private async check(): Promise<void> {
    const generation = ++this.generation;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      const result = await this.run(abort.signal);
      if (generation === this.generation) this.onResult(result);
    } catch {
      // Offline or aborted: keep the last result; saving checks on the server anyway.
    }
  }
}
