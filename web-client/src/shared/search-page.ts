import { property } from 'lit/decorators.js';
import type { QueryParams } from '../state/router';
import { KeyedLoad } from './keyed-load';
import { LocalizedElement } from './localized-element';

export type SearchPageName = 'archive' | 'catalog';

/** A public search page asks to show other results; the shell writes `params` into the address. */
export class SearchChangeEvent extends Event {
  static readonly type = 'search-change';
  constructor(
    readonly page: SearchPageName,
    readonly params: QueryParams,
  ) {
    super(SearchChangeEvent.type, { bubbles: true, composed: true });
  }

  /** Asks for `current` with `changes` applied; an empty or undefined value drops that parameter. */
  static merging(page: SearchPageName, current: QueryParams, changes: Readonly<Record<string, string | undefined>>): SearchChangeEvent {
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...current, ...changes })) {
      if (value !== undefined && value !== '') next[key] = value;
    }
    return new SearchChangeEvent(page, next);
  }
}

/**
 * A public search page (`/archive`, `/catalog`): the query lives in the address (`params`); the
 * page only asks for a new one with {@link SearchChangeEvent} and loads whatever `params` it is
 * given, so every result page is a link.
 */
export abstract class SearchPage<R> extends LocalizedElement {
  @property({ attribute: false }) api?: { search(params: QueryParams, signal?: AbortSignal): Promise<R> };
  @property({ attribute: false }) params: QueryParams = {};

  protected abstract readonly page: SearchPageName;
  protected readonly results = new KeyedLoad<R>(this, (signal) => this.api!.search(this.params, signal));

  protected override willUpdate(): void {
    this.results.refresh(this.api ? JSON.stringify(this.params) : null);
  }

  protected change(params: Readonly<Record<string, string | undefined>>): void {
    this.dispatchEvent(SearchChangeEvent.merging(this.page, this.params, params));
  }
}

declare global {
  interface HTMLElementEventMap {
    'search-change': SearchChangeEvent;
  }
}
