import type { QueryParams } from '../../state/router';

/** A public search page asks to show other results; the shell writes `params` into the hash. */
export class SearchChangeEvent extends Event {
  static readonly type = 'search-change';
  constructor(
    readonly page: 'archive' | 'catalog',
    readonly params: QueryParams,
  ) {
    super(SearchChangeEvent.type, { bubbles: true, composed: true });
  }

  /** Asks for `current` with `changes` applied; an empty or undefined value drops that parameter. */
  static merging(
    page: 'archive' | 'catalog',
    current: QueryParams,
    changes: Readonly<Record<string, string | undefined>>,
  ): SearchChangeEvent {
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...current, ...changes })) {
      if (value !== undefined && value !== '') next[key] = value;
    }
    return new SearchChangeEvent(page, next);
  }
}

declare global {
  interface HTMLElementEventMap {
    'search-change': SearchChangeEvent;
  }
}
