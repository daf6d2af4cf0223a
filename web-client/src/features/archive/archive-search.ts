import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ARCHIVE_EXPORTS, ARCHIVE_FACETS, ARCHIVE_FILTERS, archiveExportUrl, archiveFeedUrl, FEED_FILTERS, type ArchiveHit, type ArchiveSearchResult } from '../../net/archive-api';
import { dateLabel, errorText } from '../../shared/format';
import { SearchPage } from '../../shared/search-page';
import { facetLabel, facetValueLabel, metaLine } from './labels';
import { t } from './messages';
import { renderSnippet } from './snippet';

/** `/archive`: full-text search over the published archive with facets (see {@link SearchPage}). */
@customElement('yoriai-archive-search')
export class ArchiveSearch extends SearchPage<ArchiveSearchResult> {
  protected readonly page = 'archive';

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const q = this.querySelector<HTMLInputElement>('#archive-q')?.value.trim() ?? '';
    this.change({ q, page: undefined });
  }

  private toggleFacet(facet: string, value: string): void {
    this.change({ [facet]: this.params[facet] === value ? undefined : value, page: undefined });
  }

  private clearFacets(): void {
    this.change({ ...Object.fromEntries(ARCHIVE_FACETS.map((f) => [f, undefined])), page: undefined });
  }

  protected override render() {
    const result = this.results.result;
    return html`
      <section id="archive-search" class="card card--wide" aria-labelledby="archive-heading">
        <h1 id="archive-heading" class="card__title" tabindex="-1">${t('archive.title')}</h1>
        <p class="card__lead">${t('archive.lead')}</p>
        <form class="search-form search-form--stack" role="search" @submit=${this.onSubmit}>
          <label class="field__label search-form__label" for="archive-q">${t('archive.q')}</label>
          <div class="search-form__row">
            <input id="archive-q" class="field__input" type="search" name="q" enterkeyhint="search"
              aria-describedby="archive-q-hint" .value=${this.params.q ?? ''} />
            <button id="archive-submit" class="button button--primary" type="submit">${t('archive.submit')}</button>
          </div>
          <span id="archive-q-hint" class="hint">${t('archive.qHint')}</span>
        </form>
        ${this.results.error ? html`<p class="alert" role="alert">${errorText(this.results.error)}</p>` : nothing}
        <div class="search-layout">
          ${this.renderFacets()}
          <div class="search-layout__results">
            <p id="archive-total" class="result-total" role="status" aria-live="polite">
              ${result ? t('archive.total', { total: result.total }) : this.results.loading ? t('common.loading') : ''}
            </p>
            <ol id="archive-results" class="hit-list" aria-label=${t('archive.results')} aria-busy=${this.results.loading ? 'true' : 'false'}>
              ${(result?.hits ?? []).map((hit) => renderHit(hit))}
            </ol>
            ${result && result.hits.length === 0 ? html`<p class="hint">${t('archive.empty')}</p>` : nothing}
            ${this.renderPagination()}
            ${renderOpenData(this.params)}
          </div>
        </div>
      </section>
    `;
  }

  private renderFacets() {
    const facets = this.results.result?.facets ?? {};
    const active = ARCHIVE_FACETS.some((f) => this.params[f]);
    return html`<aside id="archive-facets" class="facets" aria-labelledby="archive-facets-heading">
      <h2 id="archive-facets-heading" class="section-title">${t('archive.facets')}</h2>
      ${ARCHIVE_FACETS.map((facet) => {
        const counts: Record<string, number> = { ...(facets[facet] ?? {}) };
        const selected = this.params[facet];
        if (selected && !(selected in counts)) counts[selected] = 0;
        const values = Object.entries(counts).sort(([a, x], [b, y]) => (facet === 'year' ? b.localeCompare(a) : y - x));
        if (values.length === 0) return nothing;
        return html`<div class="facet-group" role="group" aria-labelledby="facet-${facet}-heading">
          <h3 id="facet-${facet}-heading" class="facet-group__title">${facetLabel(facet)}</h3>
          <ul class="facet-list">
            ${values.map(
              ([value, count]) => html`<li>
                <button type="button" class="facet" data-facet=${facet} data-value=${value}
                  aria-pressed=${selected === value ? 'true' : 'false'}
                  @click=${() => this.toggleFacet(facet, value)}>
                  <span class="facet__value">${facetValueLabel(facet, value)}</span>
                  <span class="facet__count">${count}<span class="visually-hidden">${t('archive.facetCount')}</span></span>
                </button>
              </li>`,
            )}
          </ul>
        </div>`;
      })}
      ${active
        ? html`<button id="archive-clear" type="button" class="button button--ghost button--small" @click=${this.clearFacets}>
            ${t('archive.clear')}</button>`
        : nothing}
    </aside>`;
  }

  private renderPagination() {
    const result = this.results.result;
    if (!result || result.total === 0) return nothing;
    const size = result.size > 0 ? result.size : 10;
    const pages = Math.max(1, Math.ceil(result.total / size));
    const page = result.page;
    return html`<nav class="pagination" aria-label=${t('common.pagination')}>
      <button id="archive-prev" type="button" class="button button--secondary" ?disabled=${page <= 1}
        @click=${() => this.change({ page: page - 1 <= 1 ? undefined : String(page - 1) })}>${t('common.prev')}</button>
      <span class="pagination__page">${t('common.page', { page, pages })}</span>
      <button id="archive-next" type="button" class="button button--secondary" ?disabled=${page >= pages}
        @click=${() => this.change({ page: String(page + 1) })}>${t('common.next')}</button>
    </nav>`;
  }
}

/** One search hit; the archive entry page's similar cases use the same rendering. */
export function renderHit(hit: ArchiveHit, headingLevel: 2 | 3 = 2) {
  const link = html`<a href="/archive/cases/${encodeURIComponent(hit.id)}">${hit.title}</a>`;
  return html`<li class="archive-hit" data-id=${hit.id}>
    ${headingLevel === 2 ? html`<h2 class="archive-hit__title">${link}</h2>` : html`<h3 class="archive-hit__title">${link}</h3>`}
    ${hit.snippet ? html`<p class="archive-hit__snippet">${renderSnippet(hit.snippet)}</p>` : nothing}
    <p class="archive-hit__meta">
      ${metaLine([hit.prefecture, hit.careLevel, hit.household])}
      ${hit.publishedAt ? html`<span class="archive-hit__date">${t('archive.published', { date: dateLabel(hit.publishedAt) })}</span>` : nothing}
    </p>
  </li>`;
}

/** The open-data links; on the search page they export what `params` finds, elsewhere everything. */
export function renderOpenData(params: Readonly<Record<string, string | undefined>> = {}) {
  const narrowed = ARCHIVE_FILTERS.some((name) => params[name]);
  return html`<nav class="open-data" aria-labelledby="open-data-heading">
    <h2 id="open-data-heading" class="section-title">${t('archive.openData')}</h2>
    ${narrowed ? html`<p id="export-scope" class="hint">${t('archive.exportScope')}</p>` : nothing}
    <ul class="open-data__list">
      <li><a id="export-json" href=${archiveExportUrl(ARCHIVE_EXPORTS.json, params)} type="application/json">
        ${t(narrowed ? 'archive.exportJsonFound' : 'archive.exportJson')}</a></li>
      <li><a id="export-csv" href=${archiveExportUrl(ARCHIVE_EXPORTS.csv, params)} type="text/csv" download>
        ${t(narrowed ? 'archive.exportCsvFound' : 'archive.exportCsv')}</a></li>
      <li><a id="feed-atom" href=${archiveFeedUrl(params)} type="application/atom+xml">${feedLabel(params)}</a></li>
    </ul>
  </nav>`;
}

/** 「群馬県・買い物の新着フィード」 when the search follows a prefecture or an activity. */
function feedLabel(params: Readonly<Record<string, string | undefined>>) {
  const follows = FEED_FILTERS.map((name) => params[name]).filter((value) => value);
  return follows.length === 0 ? t('archive.feed') : t('archive.feedFollowing', { follows: follows.join(t('archive.feedJoin')) });
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-archive-search': ArchiveSearch;
  }
}
