/** Helpers for component tests in jsdom. */

import { vi } from 'vitest';
import { localeStore } from '../state/locale-store';

/**
 * How long a test waits for a component to settle, in real time: generous, because a loaded two-core
 * CI machine can stall a worker for longer than a second; a passing test never waits for it.
 */
export const PATIENCE_MS = 5000;

/** Polls until `probe` returns something truthy (components update asynchronously). */
export async function waitFor<T>(probe: () => T | null | undefined | false, timeoutMs = PATIENCE_MS): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`waitFor timed out: ${probe.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The element matching `selector`, failing the test if there is none. */
export function get<E extends Element = HTMLElement>(root: ParentNode, selector: string): E {
  const element = root.querySelector<E>(selector);
  if (!element) throw new Error(`no element matches ${selector}`);
  return element;
}

/** Sets an input's value the way typing does, firing `input`. */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A Japanese page with fake timers and a fake `fetch` in place of the network; undo with {@link restorePage}. */
export function fakePage(): ReturnType<typeof vi.fn<typeof fetch>> {
  vi.useFakeTimers();
  localeStore.set('ja');
  const fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function restorePage(): void {
  vi.unstubAllGlobals();
  vi.useRealTimers();
}

/**
 * A `fetch` that answers the signed-out home page's own reads (the newest cases, the upcoming open
 * meetings) with empty lists (and says no first-run setup is needed) and hands every other call to `server`, so a test that plays the
 * sign-in server sees only the calls it is about.
 */
export function withEmptyPublicHome(server: typeof fetch): typeof fetch {
  return async (input, init) => {
    const path = String(input);
    if (path.startsWith('/api/v1/archive/search')) return json(200, { total: 0, page: 1, size: 5, hits: [], facets: {} });
    if (path.startsWith('/api/v1/meetings/upcoming')) return json(200, { meetings: [] });
    if (path === '/api/v1/setup' && (init?.method ?? 'GET') === 'GET') return json(200, { needed: false });
    return server(input, init);
  };
}
