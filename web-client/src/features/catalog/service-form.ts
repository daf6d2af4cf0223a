import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { prefectureCode, SERVICE_CATEGORIES, type CatalogApi, type NewService } from '../../net/catalog-api';
import { ApiError } from '../../net/http';
import { isObject, PREFECTURES } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { safeHttpUrl } from './catalog-service';
import { ServiceCreatedEvent } from './events';
import { type MessageKey, t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

type FieldId =
  | 'service-name'
  | 'service-category'
  | 'service-description'
  | 'service-price'
  | 'service-how'
  | 'service-url'
  | 'service-area-prefecture'
  | 'service-area-municipality'
  | 'service-area-municipality-code';

/** Which input a server `details[].field` (a JSON path of the request body) belongs to. */
export function inputForField(field: string): FieldId | null {
  if (field.startsWith('areas')) {
    if (field.endsWith('municipalityCode')) return 'service-area-municipality-code';
    if (field.endsWith('.name')) return 'service-area-municipality';
    return 'service-area-prefecture';
  }
  const ids: Readonly<Record<string, FieldId>> = {
    name: 'service-name',
    category: 'service-category',
    description: 'service-description',
    price: 'service-price',
    howToUse: 'service-how',
    contactUrl: 'service-url',
  };
  return ids[field] ?? null;
}

/** `/#/catalog/new`: a company registers a market service (POST /api/v1/catalog/services). */
@customElement('yoriai-service-form')
export class ServiceForm extends LocalizedElement {
  @property({ attribute: false }) api?: Pick<CatalogApi, 'create'>;
  @property({ type: Boolean }) canRegister = false;

  @state() private busy = false;
  /** input id → message; shown under the input and linked with aria-describedby. */
  @state() private fieldErrors: Partial<Record<FieldId, string>> = {};
  @state() private formError: string | null = null;

  private value(id: FieldId): string {
    return this.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#${id}`)?.value.trim() ?? '';
  }

  /** The request body from the inputs; one area (a prefecture, optionally narrowed to a municipality). */
  private body(): NewService {
    const prefecture = this.value('service-area-prefecture');
    const index = (PREFECTURES as readonly string[]).indexOf(prefecture);
    const municipality = this.value('service-area-municipality');
    const municipalityCode = this.value('service-area-municipality-code');
    const url = this.value('service-url');
    return {
      name: this.value('service-name'),
      category: this.value('service-category'),
      description: this.value('service-description'),
      areas:
        index === -1
          ? []
          : [{ prefectureCode: prefectureCode(index), municipalityCode: municipalityCode || null, name: municipality || prefecture }],
      price: this.value('service-price'),
      howToUse: this.value('service-how'),
      contactUrl: url === '' ? null : url,
    };
  }

  private validate(body: NewService): Partial<Record<FieldId, string>> {
    const errors: Partial<Record<FieldId, string>> = {};
    if (!body.name) errors['service-name'] = t('serviceForm.error.required');
    if (!body.category) errors['service-category'] = t('serviceForm.error.required');
    if (body.areas.length === 0) errors['service-area-prefecture'] = t('serviceForm.error.required');
    if (body.contactUrl !== null && !safeHttpUrl(body.contactUrl)) errors['service-url'] = t('serviceForm.error.url');
    return errors;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.api) return;
    const body = this.body();
    const errors = this.validate(body);
    this.fieldErrors = errors;
    this.formError = Object.keys(errors).length > 0 ? t('serviceForm.error.summary') : null;
    if (this.formError) {
      await this.updateComplete;
      this.focusFirstError();
      return;
    }
    this.busy = true;
    try {
      const created = await this.api.create(body);
      this.dispatchEvent(new ServiceCreatedEvent(created.id));
    } catch (error) {
      this.showServerError(error);
      await this.updateComplete;
      this.focusFirstError();
    } finally {
      this.busy = false;
    }
  }

  private showServerError(error: unknown): void {
    const api = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
    const errors: Partial<Record<FieldId, string>> = {};
    const unplaced: string[] = [];
    for (const detail of api.details) {
      if (!isObject(detail) || typeof detail.field !== 'string') continue;
      const message = typeof detail.message === 'string' && detail.message !== '' ? detail.message : t('serviceForm.error.invalid');
      const id = inputForField(detail.field);
      if (id) errors[id] = errors[id] ? `${errors[id]} ${message}` : message;
      else unplaced.push(`${detail.field}: ${message}`);
    }
    this.fieldErrors = errors;
    this.formError = Object.keys(errors).length > 0 || unplaced.length > 0
      ? [t('serviceForm.error.summary'), ...unplaced].join(' ')
      : errorText(api);
  }

  private focusFirstError(): void {
    const first = Object.keys(this.fieldErrors)[0];
    if (first) this.querySelector<HTMLElement>(`#${first}`)?.focus();
  }

  protected override render() {
    if (!this.canRegister) {
      return html`<section class="card card--wide"><h1 class="card__title" tabindex="-1">${t('serviceForm.heading')}</h1>
        <p id="service-form-error" class="alert" role="alert">${t('serviceForm.onlyCompany')}</p></section>`;
    }
    return html`<section class="card card--wide" aria-labelledby="service-form-heading">
      <p><a href="/catalog">${t('service.back')}</a></p>
      <h1 id="service-form-heading" class="card__title" tabindex="-1">${t('serviceForm.heading')}</h1>
      <p class="card__lead">${t('serviceForm.lead')}</p>
      ${this.formError ? html`<p id="service-form-error" class="alert" role="alert">${this.formError}</p>` : nothing}
      <form id="service-form" class="form" novalidate @submit=${this.onSubmit}>
        ${this.input('service-name', 'serviceForm.name', true)}
        ${this.field('service-category', 'serviceForm.category', html`<select id="service-category" class="field__input"
            required aria-required="true" aria-invalid=${this.invalid('service-category')}
            aria-describedby=${ifDefined(this.describedBy('service-category'))}>
            <option value="">${t('common.select')}</option>
            ${SERVICE_CATEGORIES.map((c) => html`<option value=${c}>${c}</option>`)}
          </select>`)}
        ${this.field('service-description', 'serviceForm.description', html`<textarea id="service-description"
            class="field__input field__input--area" rows="4" aria-invalid=${this.invalid('service-description')}
            aria-describedby=${ifDefined(this.describedBy('service-description'))}></textarea>`)}
        ${this.input('service-price', 'serviceForm.price')}
        ${this.field('service-how', 'serviceForm.how', html`<textarea id="service-how" class="field__input field__input--area"
            rows="3" aria-invalid=${this.invalid('service-how')} aria-describedby=${ifDefined(this.describedBy('service-how'))}></textarea>`)}
        ${this.input('service-url', 'serviceForm.url', false, 'url')}
        <fieldset class="fieldset">
          <legend>${t('serviceForm.area')}</legend>
          ${this.field('service-area-prefecture', 'serviceForm.areaPrefecture', html`<select id="service-area-prefecture"
              class="field__input" required aria-required="true" aria-invalid=${this.invalid('service-area-prefecture')}
              aria-describedby=${ifDefined(this.describedBy('service-area-prefecture'))}>
              <option value="">${t('common.select')}</option>
              ${PREFECTURES.map((p) => html`<option value=${p}>${p}</option>`)}
            </select>`)}
          <div class="field-row">
            ${this.input('service-area-municipality', 'serviceForm.areaMunicipality')}
            ${this.input('service-area-municipality-code', 'serviceForm.areaMunicipalityCode', false, 'text', 'numeric')}
          </div>
        </fieldset>
        <div class="actions">
          <button id="service-submit" class="button button--primary" type="submit" ?disabled=${this.busy}
            aria-busy=${this.busy ? 'true' : 'false'}>${this.busy ? t('serviceForm.submitting') : t('serviceForm.submit')}</button>
        </div>
      </form>
    </section>`;
  }

  private invalid(id: FieldId): 'true' | 'false' {
    return this.fieldErrors[id] ? 'true' : 'false';
  }

  private describedBy(id: FieldId): string | undefined {
    return this.fieldErrors[id] ? `${id}-error` : undefined;
  }

  private field(id: FieldId, label: MessageKey, control: unknown) {
    const error = this.fieldErrors[id];
    return html`<div class="field">
      <label class="field__label" for=${id}>${t(label)}</label>
      ${control}
      ${error ? html`<p id="${id}-error" class="field__error">${error}</p>` : nothing}
    </div>`;
  }

  private input(id: FieldId, label: MessageKey, required = false, type = 'text', inputmode = 'text') {
    return this.field(id, label, html`<input id=${id} class="field__input" type=${type} inputmode=${inputmode}
      ?required=${required} aria-required=${required ? 'true' : 'false'} aria-invalid=${this.invalid(id)}
      aria-describedby=${ifDefined(this.describedBy(id))} />`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-service-form': ServiceForm;
  }
}
