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
}

declare global {
  interface HTMLElementEventMap {
    'search-change': SearchChangeEvent;
  }
}
