import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SERVICE_CATEGORIES, type CatalogSearchResult } from '../../net/catalog-api';
import { PREFECTURES } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { SearchPage } from '../../shared/search-page';
import { t } from './messages';

/** `/catalog`: the public market-service catalog; the query lives in the address like the archive's. */
@customElement('yoriai-catalog-search')
export class CatalogSearch extends SearchPage<CatalogSearchResult> {
  /** A signed-in company user gets a link to the registration form. */
  @property({ type: Boolean }) canRegister = false;

  protected readonly page = 'catalog';

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const value = (id: string): string => this.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value.trim() ?? '';
    this.change({ q: value('catalog-q'), category: value('catalog-category'), prefecture: value('catalog-prefecture'), page: undefined });
  }

  protected override render() {
    const result = this.results.result;
    const size = result && result.size > 0 ? result.size : 10;
    const pages = result ? Math.max(1, Math.ceil(result.total / size)) : 1;
    return html`
      <section id="catalog-search" class="card card--wide" aria-labelledby="catalog-heading">
        <div class="page-head">
          <h1 id="catalog-heading" class="card__title" tabindex="-1">${t('catalog.title')}</h1>
          ${this.canRegister ? html`<a id="catalog-new" class="button button--primary" href="/#/catalog/new">${t('catalog.new')}</a>` : nothing}
        </div>
        <p class="card__lead">${t('catalog.lead')}</p>
        <form class="search-form search-form--grid" role="search" @submit=${this.onSubmit}>
          <div class="field">
            <label class="field__label" for="catalog-q">${t('catalog.q')}</label>
            <input id="catalog-q" class="field__input" type="search" name="q" aria-describedby="catalog-q-hint"
              .value=${this.params.q ?? ''} />
            <span id="catalog-q-hint" class="hint">${t('catalog.qHint')}</span>
          </div>
          <div class="field">
            <label class="field__label" for="catalog-category">${t('catalog.category')}</label>
            <select id="catalog-category" class="field__input" name="category">
              <option value="" ?selected=${!this.params.category}>${t('catalog.any')}</option>
              ${SERVICE_CATEGORIES.map((c) => html`<option value=${c} ?selected=${this.params.category === c}>${c}</option>`)}
            </select>
          </div>
          <div class="field">
            <label class="field__label" for="catalog-prefecture">${t('catalog.prefecture')}</label>
            <select id="catalog-prefecture" class="field__input" name="prefecture">
              <option value="" ?selected=${!this.params.prefecture}>${t('catalog.any')}</option>
              ${PREFECTURES.map((p) => html`<option value=${p} ?selected=${this.params.prefecture === p}>${p}</option>`)}
            </select>
          </div>
          <button id="catalog-submit" class="button button--primary" type="submit">${t('catalog.submit')}</button>
        </form>
        ${this.results.error ? html`<p class="alert" role="alert">${errorText(this.results.error)}</p>` : nothing}
        <p id="catalog-total" class="result-total" role="status" aria-live="polite">
          ${result ? t('catalog.total', { total: result.total }) : this.results.loading ? t('common.loading') : ''}
        </p>
        <ul id="catalog-results" class="service-list" aria-busy=${this.results.loading ? 'true' : 'false'}>
          ${(result?.services ?? []).map(
            (s) => html`<li class="service" data-id=${s.id}>
              <h2 class="service__name"><a href="/catalog/services/${encodeURIComponent(s.id)}">${s.name}</a></h2>
              <p class="service__meta"><span class="badge">${s.category}</span> ${s.provider}</p>
              ${s.description ? html`<p class="service__description">${s.description}</p>` : nothing}
              <p class="service__meta">${s.areas.map((a) => a.name).join('、')}</p>
              <p class="service__counts">${t('catalog.counts', { proposed: s.proposedCount, adopted: s.adoptedCount })}</p>
            </li>`,
          )}
        </ul>
        ${result && result.services.length === 0 ? html`<p class="hint">${t('catalog.empty')}</p>` : nothing}
        ${result && pages > 1
          ? html`<nav class="pagination" aria-label=${t('common.pagination')}>
              <button id="catalog-prev" type="button" class="button button--secondary" ?disabled=${result.page <= 1}
                @click=${() => this.change({ page: result.page - 1 <= 1 ? undefined : String(result.page - 1) })}>${t('common.prev')}</button>
              <span class="pagination__page">${t('common.page', { page: result.page, pages })}</span>
              <button id="catalog-next" type="button" class="button button--secondary" ?disabled=${result.page >= pages}
                @click=${() => this.change({ page: String(result.page + 1) })}>${t('common.next')}</button>
            </nav>`
          : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-catalog-search': CatalogSearch;
  }
}
