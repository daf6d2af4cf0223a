import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  ACTIVITIES,
  ACTIVITY_LEVELS,
  AGE_BANDS,
  CARE_LEVELS,
  GENDERS,
  HOUSEHOLDS,
  PREFECTURES,
  SUPPORT_KINDS,
} from '../../net/protocol';
import { t } from './messages';
import { errorText } from '../../shared/format';
import { piiSummary } from '../../shared/pii';
import { StoreController } from '../../shared/store-controller';
import { CaseEditorChangeEvent, type CaseEditorStore, type EditorNotice } from '../../state/case-editor-store';
import { CaseCreatedEvent } from './events';
import { caseStateLabel, fieldLabel, readOnlyReason, valueLabel } from './labels';
import { renderAssessment, renderChecklist } from './case-assessment';
import { plain, selectField, textField } from './sheet-fields';
import { LocalizedElement } from '../../shared/localized-element';
import type { ArchiveApi } from '../../net/archive-api';
import './similar-cases';

/**
 * The case sheet form (§3). Every input goes straight to the {@link CaseEditorStore}, which
 * checks the sheet for personal information while the user types. A field with findings gets a
 * mirror below it that repeats its text with each finding in `<mark class="pii">` (a textarea
 * cannot contain markup) and one message per finding, linked to the field by aria-describedby
 * (shared/pii.ts). The inputs are in sheet-fields.ts; the assessment and the 基本チェックリスト,
 * which care managers fill in only when they have them, in case-assessment.ts.
 */
@customElement('yoriai-case-editor')
export class CaseEditor extends LocalizedElement {
  @property({ attribute: false }) store?: CaseEditorStore;
  /** Reads 「似ている過去の事例」 after each save; without it the panel is not shown. */
  @property({ attribute: false }) similar?: Pick<ArchiveApi, 'similarToCase'>;
  /** The address of a public archive entry (the app's route table). */
  @property({ attribute: false }) entryHref?: (id: string) => string;

  private storeController?: StoreController;
  private announcedId: string | null = null;

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
    const shown = store.status !== 'load-failed';
    const editable = store.editable;
    return html`
      <section class="card card--wide" aria-labelledby="case-heading">
        <div class="page-head">
          <h1 id="case-heading" class="card__title" tabindex="-1">
            ${t(!store.id ? 'case.heading.new' : editable ? 'case.heading.edit' : 'case.heading.view')}
          </h1>
          <p class="state-badge">
            <span class="state-badge__label">${t('case.stateLabel')}</span>
            <span id="case-state" class="state-badge__value" data-state=${store.state}>${caseStateLabel(store.state)}</span>
          </p>
        </div>
        ${shown && !editable ? this.renderReadOnly(store) : html`<p class="card__lead">${t('case.intro')}</p>`}
        ${piiSummary('case-pii-summary', store.findings, fieldLabel, {
          onPick: (field) => this.focusField(field),
          hint: t('pii.pickHint'),
        })}
        <p id="case-notice" class="notice ${noticeClass(store.notice)}" role="status" aria-live="polite">
          ${noticeText(store.notice)}
        </p>
        ${shown
          ? html`<form id="case-form" class="form" novalidate @submit=${this.onSave}>
              <fieldset class="fieldset">
                <legend>${t('case.section.basic')}</legend>
                ${textField(store, 'title', 'case-title', 'case.title', false, { required: true, maxlength: 120 })}
                <div class="field-row">
                  ${selectField(store, 'prefecture', 'case-prefecture', 'case.prefecture', PREFECTURES.map(plain))}
                  ${textField(store, 'provider', 'case-provider', 'case.provider', false)}
                </div>
              </fieldset>
              <fieldset class="fieldset">
                <legend>${t('case.section.person')}</legend>
                <div class="field-row">
                  ${selectField(store, 'person.ageBand', 'case-age-band', 'case.ageBand',
                    AGE_BANDS.map((band) => ({ value: band, label: t('case.ageBandValue', { band }) })))}
                  ${selectField(store, 'person.gender', 'case-gender', 'case.gender',
                    GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) })), { optional: true })}
                  ${selectField(store, 'person.careLevel', 'case-care-level', 'case.careLevel', CARE_LEVELS.map(plain))}
                  ${selectField(store, 'person.household', 'case-household', 'case.household',
                    HOUSEHOLDS.map((h) => ({ value: h, label: valueLabel('household', h) })))}
                </div>
                ${textField(store, 'person.housing', 'case-housing', 'case.housing', true)}
                ${textField(store, 'person.health', 'case-health', 'case.health', true)}
              </fieldset>
              <fieldset class="fieldset">
                <legend>${t('case.section.activities')}</legend>
                ${this.renderActivities(store)}
              </fieldset>
              <fieldset class="fieldset">
                <legend>${t('case.section.wishes')}</legend>
                ${textField(store, 'wishes', 'case-wishes', 'case.wishes', true)}
                ${this.renderSupports(store)}
                ${textField(store, 'questions', 'case-questions', 'case.questions', true)}
              </fieldset>
              ${renderAssessment(store)}
              ${renderChecklist(store)}
              ${editable ? this.renderActions(store) : nothing}
            </form>`
          : nothing}
      </section>
      ${shown && this.similar
        ? html`<yoriai-similar-cases .api=${this.similar} .caseId=${store.id} .version=${store.savedVersion}
            .entryHref=${this.entryHref}></yoriai-similar-cases>`
        : nothing}
    `;
  }

  /** Why the sheet cannot be changed, and what can be done with it instead. */
  private renderReadOnly(store: CaseEditorStore): TemplateResult {
    return html`<div class="notice notice--info" id="case-read-only" data-state=${store.state}>
      <p class="read-only__reason">${readOnlyReason(store.state)}</p>
      ${store.state === 'submitted' && store.id
        ? html`<a id="case-create-meeting" class="button button--primary"
            href="/#/meetings/new?case=${encodeURIComponent(store.id)}">${t('case.createMeeting')}</a>`
        : nothing}
    </div>`;
  }

  private renderActions(store: CaseEditorStore): TemplateResult {
    return html`<p class="hint">${t('case.submitHint')}</p>
              <div class="actions">
                <button id="case-save" class="button button--secondary" type="submit"
                  aria-disabled=${store.busy ? 'true' : 'false'}>
                  ${store.status === 'saving' ? t('case.saving') : t('case.save')}
                </button>
                <button id="case-submit" class="button button--primary" type="button"
                  aria-disabled=${store.busy ? 'true' : 'false'} @click=${this.onSubmit}>
                  ${store.status === 'submitting' ? t('case.submitting') : t('case.submit')}
                </button>
              </div>`;
  }

  private renderActivities(store: CaseEditorStore): TemplateResult {
    const activities = store.sheet.activities;
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
                <td>${selectField(store, `activities[${i}].activity`, `activity-${i}-activity`, 'case.activity',
                  ACTIVITIES.map((a) => ({ value: a, label: valueLabel('activity', a) })), { rowLabel: row })}</td>
                <td>${selectField(store, `activities[${i}].level`, `activity-${i}-level`, 'case.level',
                  ACTIVITY_LEVELS.map((l) => ({ value: l, label: valueLabel('level', l) })), { rowLabel: row })}</td>
                <td>${textField(store, `activities[${i}].canDo`, `activity-${i}-cando`, 'case.canDo', true, { rowLabel: row })}</td>
                <td>${textField(store, `activities[${i}].difficulty`, `activity-${i}-difficulty`, 'case.difficulty', true, { rowLabel: row })}</td>
                <td>${store.editable
                  ? html`<button id="activity-${i}-remove" class="button button--ghost button--small" type="button"
                      @click=${() => this.store?.removeActivity(i)}>
                      <span aria-hidden="true">×</span><span class="visually-hidden">${t('case.removeActivity', { n: i + 1 })}</span>
                    </button>`
                  : nothing}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${activities.length === 0 && store.editable ? html`<p class="hint">${t('case.noActivities')}</p>` : nothing}
      ${store.editable
        ? html`<button id="add-activity" class="button button--secondary" type="button" @click=${this.onAddActivity}>
            ${t('case.addActivity')}
          </button>`
        : nothing}
    `;
  }

  private renderSupports(store: CaseEditorStore): TemplateResult {
    const supports = store.sheet.supports;
    return html`
      <div class="field">
        <p class="field__label" id="supports-label">${t('case.supports')}</p>
        <ul class="support-list" aria-labelledby="supports-label">
          ${supports.map((_, i) => {
            const row = t('case.supportRow', { n: i + 1 });
            return html`<li class="support-row">
              ${selectField(store, `supports[${i}].kind`, `support-${i}-kind`, 'case.supportKind',
                SUPPORT_KINDS.map((k) => ({ value: k, label: t(`supportKind.${k}`) })), { rowLabel: row, wrap: false })}
              ${textField(store, `supports[${i}].description`, `support-${i}-description`, 'case.supportDescription', false, { rowLabel: row })}
              ${store.editable
                ? html`<button id="support-${i}-remove" class="button button--ghost button--small" type="button"
                    @click=${() => this.store?.removeSupport(i)}>
                    <span aria-hidden="true">×</span><span class="visually-hidden">${t('case.removeSupport', { n: i + 1 })}</span>
                  </button>`
                : nothing}
            </li>`;
          })}
        </ul>
        ${store.editable
          ? html`<button id="add-support" class="button button--secondary" type="button" @click=${() => this.store?.addSupport()}>
              ${t('case.addSupport')}
            </button>`
          : nothing}
      </div>
    `;
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

  /** Moves focus to the input at JSON path `field` (a finding's), scrolled to the middle of the screen. */
  private focusField(field: string): void {
    const input = [...this.querySelectorAll<HTMLElement>('.field__input[data-field]')].find((el) => el.dataset.field === field);
    if (!input) return;
    input.scrollIntoView?.({ block: 'center' });
    input.focus({ preventScroll: true });
  }
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
      return refusalText(notice);
  }
}

/** The lifecycle's refusals in the case's words; anything else as every page says it. */
function refusalText(notice: Extract<EditorNotice, { kind: 'error' }>): string {
  if (notice.code === 'invalid_state' && notice.state) return t('case.error.invalidState', { state: caseStateLabel(notice.state) });
  if (notice.code === 'edit_conflict') return t('case.error.editConflict');
  return errorText(notice);
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
