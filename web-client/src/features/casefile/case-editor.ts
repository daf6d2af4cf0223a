import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  ACTIVITIES,
  ACTIVITY_LEVELS,
  AGE_BANDS,
  CARE_LEVELS,
  GENDERS,
  HOUSEHOLDS,
  PREFECTURES,
  SUPPORT_KINDS,
  type PiiFinding,
} from '../../net/protocol';
import { LocaleChangeEvent, localeStore } from '../../state/locale-store';
import { type MessageKey, t } from './messages';
import { errorText } from '../../shared/format';
import { StoreController } from '../../shared/store-controller';
import { CaseEditorChangeEvent, type CaseEditorStore, type EditorNotice } from '../../state/case-editor-store';
import { CaseCreatedEvent } from './events';
import { caseStateLabel, fieldLabel, valueLabel } from './labels';
import { piiMessage, segments } from './pii';

interface Option {
  readonly value: string;
  readonly label: string;
}

/**
 * The case sheet form (§3). Every input goes straight to the {@link CaseEditorStore}, which
 * checks the sheet for personal information while the user types. A field with findings gets a
 * mirror below it that repeats its text with each finding in `<mark class="pii">` (a textarea
 * cannot contain markup) and one message per finding, linked to the field by aria-describedby.
 */
@customElement('yoriai-case-editor')
export class CaseEditor extends LitElement {
  @property({ attribute: false }) store?: CaseEditorStore;

  private storeController?: StoreController;
  private announcedId: string | null = null;

  constructor() {
    super();
    new StoreController(this, localeStore, LocaleChangeEvent.type);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store') && this.store) {
      if (this.storeController) this.removeController(this.storeController);
      this.storeController = new StoreController(this, this.store, CaseEditorChangeEvent.type);
      this.announcedId = this.store.id;
    }
  }

  protected override updated(): void {
    const id = this.store?.id ?? null;
    if (id !== null && this.announcedId === null) {
      this.announcedId = id;
      this.dispatchEvent(new CaseCreatedEvent(id));
    }
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('#case-heading')?.focus();
  }

  protected override render() {
    const store = this.store;
    if (!store) return nothing;
    if (store.status === 'loading') return html`<p class="card card--quiet" aria-busy="true">${t('common.loading')}</p>`;
    const editable = store.status !== 'load-failed';
    return html`
      <section class="card card--wide" aria-labelledby="case-heading">
        <div class="page-head">
          <h1 id="case-heading" class="card__title" tabindex="-1">
            ${t(store.id ? 'case.heading.edit' : 'case.heading.new')}
          </h1>
          <p class="state-badge">
            <span class="state-badge__label">${t('case.stateLabel')}</span>
            <span id="case-state" class="state-badge__value" data-state=${store.state}>${caseStateLabel(store.state)}</span>
          </p>
        </div>
        <p class="card__lead">${t('case.intro')}</p>
        ${this.renderSummary(store.findings)}
        <p id="case-notice" class="notice ${noticeClass(store.notice)}" role="status" aria-live="polite">
          ${noticeText(store.notice)}
        </p>
        ${editable
          ? html`<form id="case-form" class="form" novalidate @submit=${this.onSave}>
              <fieldset class="fieldset">
                <legend>${t('case.section.basic')}</legend>
                ${this.textField('title', 'case-title', 'case.title', false, { required: true, maxlength: 120 })}
                <div class="field-row">
                  ${this.selectField('prefecture', 'case-prefecture', 'case.prefecture', PREFECTURES.map(plain))}
                  ${this.textField('provider', 'case-provider', 'case.provider', false)}
                </div>
              </fieldset>
              <fieldset class="fieldset">
                <legend>${t('case.section.person')}</legend>
                <div class="field-row">
                  ${this.selectField('person.ageBand', 'case-age-band', 'case.ageBand',
                    AGE_BANDS.map((band) => ({ value: band, label: t('case.ageBandValue', { band }) })))}
                  ${this.selectField('person.gender', 'case-gender', 'case.gender',
                    GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) })), true)}
                  ${this.selectField('person.careLevel', 'case-care-level', 'case.careLevel', CARE_LEVELS.map(plain))}
                  ${this.selectField('person.household', 'case-household', 'case.household',
                    HOUSEHOLDS.map((h) => ({ value: h, label: valueLabel('household', h) })))}
                </div>
                ${this.textField('person.housing', 'case-housing', 'case.housing', true)}
                ${this.textField('person.health', 'case-health', 'case.health', true)}
              </fieldset>
              <fieldset class="fieldset">
                <legend>${t('case.section.activities')}</legend>
                ${this.renderActivities()}
              </fieldset>
              <fieldset class="fieldset">
                <legend>${t('case.section.wishes')}</legend>
                ${this.textField('wishes', 'case-wishes', 'case.wishes', true)}
                ${this.renderSupports()}
                ${this.textField('questions', 'case-questions', 'case.questions', true)}
              </fieldset>
              <p class="hint">${t('case.submitHint')}</p>
              <div class="actions">
                <button id="case-save" class="button button--secondary" type="submit"
                  aria-disabled=${store.busy ? 'true' : 'false'}>
                  ${store.status === 'saving' ? t('case.saving') : t('case.save')}
                </button>
                <button id="case-submit" class="button button--primary" type="button"
                  aria-disabled=${store.busy ? 'true' : 'false'} @click=${this.onSubmit}>
                  ${store.status === 'submitting' ? t('case.submitting') : t('case.submit')}
                </button>
              </div>
            </form>`
          : nothing}
      </section>
    `;
  }

  private renderSummary(findings: readonly PiiFinding[]): TemplateResult {
    return html`
      <div id="case-pii-summary" class="pii-summary ${findings.length > 0 ? 'pii-summary--found' : ''}"
        data-count=${findings.length}>
        <p class="pii-summary__count">
          ${findings.length > 0 ? t('pii.summary', { count: findings.length }) : t('pii.none')}
        </p>
        ${findings.length > 0
          ? html`<ul class="pii-summary__list">
              ${findings.map((f) => html`<li data-field=${f.field} data-kind=${f.kind}>
                ${fieldLabel(f.field)}: ${piiMessage(f.kind)}</li>`)}
            </ul>`
          : nothing}
      </div>
    `;
  }

  private renderActivities(): TemplateResult {
    const activities = this.store!.sheet.activities;
    return html`
      <div class="table-scroll">
        <table class="activity-table">
          <caption class="visually-hidden">${t('case.section.activities')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('case.activity')}</th>
              <th scope="col">${t('case.level')}</th>
              <th scope="col">${t('case.canDo')}</th>
              <th scope="col">${t('case.difficulty')}</th>
              <th scope="col"><span class="visually-hidden">${t('common.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${activities.map((_, i) => {
              const row = t('case.activityRow', { n: i + 1 });
              return html`<tr class="activity-row" data-index=${i}>
                <td>${this.selectField(`activities[${i}].activity`, `activity-${i}-activity`, 'case.activity',
                  ACTIVITIES.map(plain), false, row)}</td>
                <td>${this.selectField(`activities[${i}].level`, `activity-${i}-level`, 'case.level',
                  ACTIVITY_LEVELS.map((l) => ({ value: l, label: valueLabel('level', l) })), false, row)}</td>
                <td>${this.textField(`activities[${i}].canDo`, `activity-${i}-cando`, 'case.canDo', true, {}, row)}</td>
                <td>${this.textField(`activities[${i}].difficulty`, `activity-${i}-difficulty`, 'case.difficulty', true, {}, row)}</td>
                <td>
                  <button id="activity-${i}-remove" class="button button--ghost button--small" type="button"
                    @click=${() => this.store?.removeActivity(i)}>
                    <span aria-hidden="true">×</span><span class="visually-hidden">${t('case.removeActivity', { n: i + 1 })}</span>
                  </button>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${activities.length === 0 ? html`<p class="hint">${t('case.noActivities')}</p>` : nothing}
      <button id="add-activity" class="button button--secondary" type="button" @click=${this.onAddActivity}>
        ${t('case.addActivity')}
      </button>
    `;
  }

  private renderSupports(): TemplateResult {
    const supports = this.store!.sheet.supports;
    return html`
      <div class="field">
        <p class="field__label" id="supports-label">${t('case.supports')}</p>
        <ul class="support-list" aria-labelledby="supports-label">
          ${supports.map((_, i) => {
            const row = t('case.supportRow', { n: i + 1 });
            return html`<li class="support-row">
              ${this.selectField(`supports[${i}].kind`, `support-${i}-kind`, 'case.supportKind',
                SUPPORT_KINDS.map((k) => ({ value: k, label: t(`supportKind.${k}`) })), false, row, false)}
              ${this.textField(`supports[${i}].description`, `support-${i}-description`, 'case.supportDescription', false, {}, row)}
              <button id="support-${i}-remove" class="button button--ghost button--small" type="button"
                @click=${() => this.store?.removeSupport(i)}>
                <span aria-hidden="true">×</span><span class="visually-hidden">${t('case.removeSupport', { n: i + 1 })}</span>
              </button>
            </li>`;
          })}
        </ul>
        <button id="add-support" class="button button--secondary" type="button" @click=${() => this.store?.addSupport()}>
          ${t('case.addSupport')}
        </button>
      </div>
    `;
  }

  private textField(
    path: string,
    id: string,
    labelKey: MessageKey,
    multiline: boolean,
    attrs: { required?: boolean; maxlength?: number } = {},
    rowLabel?: string,
  ): TemplateResult {
    const value = readPath(this.store!.sheet, path);
    const findings = this.store!.findingsFor(path);
    const describedBy = findings.length > 0 ? `${id}-pii` : undefined;
    const onInput = (event: Event): void => {
      this.store?.setField(path, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
    };
    const label = rowLabel
      ? html`<label class="visually-hidden" for=${id}>${rowLabel}: ${t(labelKey)}</label>`
      : html`<label class="field__label" for=${id}>${t(labelKey)}</label>`;
    return html`
      <div class="field ${findings.length > 0 ? 'field--pii' : ''}">
        ${label}
        ${multiline
          ? html`<textarea id=${id} class="field__input field__input--area" rows="3" .value=${live(value)}
              ?required=${attrs.required === true}
              aria-invalid=${findings.length > 0 ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)}
              @input=${onInput}></textarea>`
          : html`<input id=${id} class="field__input" type="text" .value=${live(value)}
              ?required=${attrs.required === true} maxlength=${ifDefined(attrs.maxlength)}
              aria-invalid=${findings.length > 0 ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)}
              @input=${onInput} />`}
        ${findings.length > 0 ? this.renderMirror(path, id, value, findings) : nothing}
      </div>
    `;
  }

  private renderMirror(path: string, id: string, value: string, findings: PiiFinding[]): TemplateResult {
    return html`
      <div class="pii-mirror" id="${id}-mirror" data-field=${path} aria-hidden="true">${segments(value, findings).map(
        (s) => (s.finding ? html`<mark class="pii" data-kind=${s.finding.kind}>${s.text}</mark>` : s.text),
      )}</div>
      <ul class="pii-messages" id="${id}-pii" data-field=${path}>
        ${findings.map((f) => html`<li class="pii-message" data-kind=${f.kind}>
          ${t('pii.quote', { text: value.slice(f.start, f.end), message: piiMessage(f.kind) })}</li>`)}
      </ul>
    `;
  }

  private selectField(
    path: string,
    id: string,
    labelKey: MessageKey,
    options: readonly Option[],
    optional = false,
    rowLabel?: string,
    wrap = true,
  ): TemplateResult {
    const value = readPath(this.store!.sheet, path);
    const label = rowLabel
      ? html`<label class="visually-hidden" for=${id}>${rowLabel}: ${t(labelKey)}</label>`
      : html`<label class="field__label" for=${id}>${t(labelKey)}</label>`;
    const known = value === '' || options.some((o) => o.value === value);
    const control = html`
      ${label}
      <select id=${id} class="field__input" ?required=${!optional} .value=${live(value)}
        @change=${(event: Event) => this.store?.setField(path, (event.target as HTMLSelectElement).value)}>
        ${value === '' || optional ? html`<option value="" ?selected=${value === ''}>${t('common.select')}</option>` : nothing}
        ${known ? nothing : html`<option value=${value} selected>${value}</option>`}
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>
    `;
    return wrap ? html`<div class="field">${control}</div>` : html`<div class="field field--inline">${control}</div>`;
  }

  private onAddActivity(): void {
    this.store?.addActivity();
    const index = (this.store?.sheet.activities.length ?? 1) - 1;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#activity-${index}-activity`)?.focus());
  }

  private onSave(event: SubmitEvent): void {
    event.preventDefault();
    void this.store?.save().then(() => this.revealBlocked());
  }

  private onSubmit(): void {
    void this.store?.submit().then(() => this.revealBlocked());
  }

  private revealBlocked(): void {
    if (this.store?.notice?.kind === 'blocked') this.querySelector<HTMLElement>('#case-pii-summary')?.scrollIntoView?.();
  }
}

function plain(value: string): Option {
  return { value, label: value };
}

function readPath(sheet: unknown, path: string): string {
  let node: unknown = sheet;
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (typeof node !== 'object' || node === null) return '';
    node = (node as Record<string, unknown>)[match[2] ?? match[1]];
  }
  return typeof node === 'string' ? node : '';
}

function noticeText(notice: EditorNotice | null): string {
  if (!notice) return '';
  switch (notice.kind) {
    case 'saved':
      return t('case.status.saved');
    case 'submitted':
      return t('case.status.submitted');
    case 'blocked':
      return t(notice.action === 'save' ? 'pii.saveBlocked' : 'pii.blocked', { count: notice.count });
    case 'title-required':
      return t('case.error.titleRequired');
    case 'error':
      return errorText(notice);
  }
}

function noticeClass(notice: EditorNotice | null): string {
  if (!notice) return 'notice--empty';
  return notice.kind === 'saved' || notice.kind === 'submitted' ? 'notice--ok' : 'notice--error';
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-case-editor': CaseEditor;
  }
}
