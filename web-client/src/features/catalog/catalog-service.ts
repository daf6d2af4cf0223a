import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CatalogApi, CatalogService } from '../../net/catalog-api';
import { errorText } from '../../shared/format';
import { safeUrl, WEB_SCHEMES } from '../../shared/safe-url';
import { KeyedLoad } from '../../shared/keyed-load';
import { type MessageKey, t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/** `value` when it is an absolute http(s) link, else null (no `javascript:`, `data:` …). */
export function safeHttpUrl(value: string): string | null {
  return safeUrl(value, WEB_SCHEMES);
}

/** `/catalog/services/{id}`: one market service with how often published cases proposed or adopted it. */
@customElement('yoriai-catalog-service')
export class CatalogServicePage extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<CatalogApi, 'get'>;
  @property() serviceId = '';

  private readonly service = new KeyedLoad<CatalogService>(this, (signal) => this.api!.get(this.serviceId, signal), true);

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.service.refresh(this.api && this.serviceId ? this.serviceId : null);
  }

  protected override render() {
    const s = this.service.result;
    const error = this.service.error;
    if (!s) {
      return html`<section id="catalog-service" class="card card--wide service-page" aria-busy=${error ? 'false' : 'true'}>
        <p class="no-print"><a href="/catalog">${t('service.back')}</a></p>
        <h1 id="service-title" class="card__title" tabindex="-1">${error ? errorText(error) : t('common.loading')}</h1>
      </section>`;
    }
    const contact = safeHttpUrl(s.contactUrl);
    return html`<article id="catalog-service" class="card card--wide service-page" aria-labelledby="service-title">
      <p class="no-print"><a href="/catalog">${t('service.back')}</a></p>
      <h1 id="service-title" class="card__title" tabindex="-1">${s.name}</h1>
      ${s.description ? html`<p id="service-description" class="card__lead">${s.description}</p>` : nothing}
      <dl class="entry__facts entry__facts--grid">
        ${row('service.provider', html`<span id="service-provider">${s.provider}</span>`)}
        ${row('service.category', html`<span id="service-category-value" class="badge">${s.category}</span>`)}
        ${row('service.areas', html`<span id="service-areas">${s.areas.map((a) => a.name).join('、')}</span>`)}
        ${row('service.price', html`<span id="service-price-value">${s.price}</span>`)}
        ${row('service.proposed', html`<span id="service-proposed" data-count=${s.proposedCount}>${t('service.countValue', { count: s.proposedCount })}</span>`)}
        ${row('service.adopted', html`<span id="service-adopted" data-count=${s.adoptedCount}>${t('service.countValue', { count: s.adoptedCount })}</span>`)}
      </dl>
      ${s.howToUse
        ? html`<h2 class="section-title">${t('service.howToUse')}</h2><p id="service-how-to-use" class="entry__text">${s.howToUse}</p>`
        : nothing}
      ${contact
        ? html`<h2 class="section-title">${t('service.contact')}</h2>
            <p><a id="service-contact" href=${contact} target="_blank" rel="noopener noreferrer">${t('service.contactLink')}</a></p>`
        : nothing}
    </article>`;
  }
}

function row(key: MessageKey, value: unknown) {
  return html`<div class="entry__fact"><dt>${t(key)}</dt><dd>${value}</dd></div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-catalog-service': CatalogServicePage;
  }
}
