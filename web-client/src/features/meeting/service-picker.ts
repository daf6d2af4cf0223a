import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SERVICE_CATEGORIES, type CatalogApi, type CatalogService } from '../../net/catalog-api';
import { t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

export interface ServiceChoice {
  readonly service: CatalogService;
  /** Found by the search within the case's prefecture. */
  readonly local: boolean;
}

const SHOWN = 8;
const DEBOUNCE_MS = 250;

/**
 * Finds a catalog service to link to a proposal: by name and category through the public catalog
 * search, the services of the case's prefecture first. A radio group inside the proposal form
 * (`name="serviceId"`, '' for none), so the form reads the choice like any other field.
 */
@customElement('yoriai-service-picker')
export class ServicePicker extends LocalizedElement {
  @property({ attribute: false }) catalog?: Pick<CatalogApi, 'search'>;
  @property() prefecture = '';

  @state() private choices: readonly ServiceChoice[] = [];
  @state() private selected: CatalogService | null = null;
  @state() private searching = false;
  @state() private failed = false;
  private query = { q: '', category: '' };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private abort: AbortController | null = null;
  private searched = false;

  /** The chosen service's id, or undefined. */
  get serviceId(): string | undefined {
    return this.selected?.id;
  }

  /** After the proposal went out: nothing chosen, the search back to the prefecture's list (the form reset the inputs). */
  clear(): void {
    this.selected = null;
    this.queryChanged({ q: '', category: '' }, 0);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer !== null) clearTimeout(this.timer);
    this.abort?.abort();
    this.searched = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // the first list (nothing typed yet) shows what the prefecture offers
    if (this.catalog && (!this.searched || changed.has('prefecture'))) void this.search();
  }

  protected override render() {
    const choices = this.selected && !this.choices.some((c) => c.service.id === this.selected!.id)
      ? [{ service: this.selected, local: false }, ...this.choices]
      : this.choices;
    return html`
      <fieldset class="fieldset service-picker">
        <legend>${t('proposal.service')}</legend>
        <div class="field-row">
          <div class="field">
            <label class="field__label" for="proposal-service-q">${t('proposal.serviceQuery')}</label>
            <input id="proposal-service-q" class="field__input" type="search" autocomplete="off"
              @input=${(e: Event) => this.queryChanged({ q: (e.target as HTMLInputElement).value })}
              @keydown=${this.onQueryKey} />
          </div>
          <div class="field">
            <label class="field__label" for="proposal-service-category">${t('proposal.serviceCategory')}</label>
            <select id="proposal-service-category" class="field__input"
              @change=${(e: Event) => this.queryChanged({ category: (e.target as HTMLSelectElement).value }, 0)}>
              <option value="">${t('proposal.serviceAnyCategory')}</option>
              ${SERVICE_CATEGORIES.map((c) => html`<option value=${c}>${c}</option>`)}
            </select>
          </div>
        </div>
        <p id="proposal-service-status" class="hint" role="status">${this.statusText()}</p>
        <ul id="proposal-service-results" class="service-choices">
          <li><label class="choice"><input type="radio" name="serviceId" value="" .checked=${this.selected === null}
            @change=${() => (this.selected = null)} /> ${t('proposal.serviceNone')}</label></li>
          ${choices.map(
            ({ service, local }) => html`<li class="service-choice" data-service-id=${service.id}>
              <label class="choice">
                <input type="radio" name="serviceId" value=${service.id} .checked=${this.selected?.id === service.id}
                  @change=${() => (this.selected = service)} />
                <span class="service-choice__name">${service.name}</span>
                <span class="hint">${[service.provider, service.category].filter(Boolean).join('・')}</span>
                ${local ? html`<span class="badge">${t('proposal.serviceLocal', { prefecture: this.prefecture })}</span>` : nothing}
              </label>
            </li>`,
          )}
        </ul>
      </fieldset>
    `;
  }

  private statusText(): string {
    if (this.failed) return t('proposal.serviceFailed');
    if (this.searching) return t('common.loading');
    return this.choices.length === 0 ? t('proposal.serviceNoneFound') : t('proposal.serviceFound', { count: this.choices.length });
  }

  /** Enter searches at once instead of submitting the proposal. */
  private onQueryKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.queryChanged({ q: (event.target as HTMLInputElement).value }, 0);
  }

  private queryChanged(change: Partial<typeof this.query>, delay = DEBOUNCE_MS): void {
    this.query = { ...this.query, ...change };
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), delay);
  }

  private async search(): Promise<void> {
    const catalog = this.catalog;
    if (!catalog) return;
    const { q, category } = this.query;
    this.searched = true;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.searching = true;
    try {
      const [local, all] = await Promise.all([
        this.prefecture ? catalog.search({ q, category, prefecture: this.prefecture }, abort.signal) : null,
        catalog.search({ q, category }, abort.signal),
      ]);
      if (abort.signal.aborted) return;
      const localIds = new Set(local?.services.map((s) => s.id));
      this.choices = [
        ...(local?.services ?? []).map((service) => ({ service, local: true })),
        ...all.services.filter((s) => !localIds.has(s.id)).map((service) => ({ service, local: false })),
      ].slice(0, SHOWN);
      this.failed = false;
    } catch {
      if (abort.signal.aborted) return;
      this.choices = [];
      this.failed = true;
    } finally {
      if (!abort.signal.aborted) this.searching = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-service-picker': ServicePicker;
  }
}
