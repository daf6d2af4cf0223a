import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../net/http';

/**
 * Loads data for a Lit host whenever the key of what it shows changes (e.g. the search
 * parameters in the hash); a newer load aborts the one still running, so a slow answer never
 * overwrites a newer one.
 */
export class KeyedLoad<T> implements ReactiveController {
  result: T | null = null;
  loading = false;
  error: ApiError | null = null;
  private loadedKey: string | null = null;
  private abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetch: (signal: AbortSignal) => Promise<T>,
    /**
     * Forget the shown result when the key changes (a different record), rather than keep it until the next arrives (a next page).
     * A function names the record a key is of, so a reload of the same record (a new version) keeps what is shown.
     */
    private readonly clearOnNewKey: boolean | ((key: string) => string) = false,
  ) {
    host.addController(this);
  }

  /** Starts a load unless `key` is null (nothing to load yet) or was already loaded. */
  refresh(key: string | null): void {
    if (key !== null && key !== this.loadedKey) {
      const clear = this.isOtherRecord(key);
      this.loadedKey = key;
      if (clear) {
        this.result = null;
        this.error = null;
      }
      void this.load();
    }
  }

  private isOtherRecord(key: string): boolean {
    if (typeof this.clearOnNewKey !== 'function') return this.clearOnNewKey;
    return this.loadedKey === null || this.clearOnNewKey(key) !== this.clearOnNewKey(this.loadedKey);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.loadedKey = null;
  }

  private async load(): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.loading = true;
    try {
      const result = await this.fetch(abort.signal);
      if (abort.signal.aborted) return;
      this.result = result;
      this.error = null;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
    } finally {
      if (!abort.signal.aborted) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}
