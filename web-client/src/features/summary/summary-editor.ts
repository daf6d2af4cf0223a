import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Summary } from '../../net/protocol.generated';
import { errorText } from '../../shared/format';
import { piiMessagesId, piiMirror, piiSummary } from '../../shared/pii';
import { StoreController } from '../../shared/store-controller';
import type { Proposal } from '../../state/meeting-room-model';
import {
  SummaryEditorChangeEvent,
  SummaryEditorStore,
  type SummaryGateway,
  type SummaryList,
  type SummaryNotice,
} from '../../state/summary-editor-store';
import { summaryFieldLabel } from './labels';
import { has, type MessageKey, t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * The host's まとめ form, in the summary phase and after closing: the support direction, the
 * proposals to adopt (ticked from the meeting's proposals), regional issues with tags, missing
 * resources and follow-ups. Texts are checked for personal information as they are typed and
 * highlighted as in the case editor (shared/pii.ts). With `caseId` it writes that case's summary.
 */
@customElement('yoriai-summary-editor')
export class SummaryEditor extends LocalizedElement {
  @property({ attribute: false }) api?: SummaryGateway;
  @property() meetingId = '';
  @property() caseId?: string;
  /** The summary saved so far, the form's starting point. */
  @property({ attribute: false }) summary: Summary | null = null;
  /** The meeting's (or the case's) proposals to choose from. */
  @property({ attribute: false }) proposals: readonly Proposal[] = [];

  private store?: SummaryEditorStore;
  private storeController?: StoreController;

  protected override willUpdate(): void {
    const key = (s?: SummaryEditorStore) => s && `${s.meetingId} ${s.caseId ?? ''}`;
    if (this.api && this.meetingId && key(this.store) !== `${this.meetingId} ${this.caseId ?? ''}`) {
      this.store?.dispose();
      if (this.storeController) this.removeController(this.storeController);
      this.store = new SummaryEditorStore(this.api, this.meetingId, this.caseId, this.summary);
      this.storeController = new StoreController(this, this.store, SummaryEditorChangeEvent.type);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store?.dispose();
    this.store = undefined;
  }

  protected override render() {
    const store = this.store;
    if (!store) return nothing;
    const draft = store.draft;
    return html`
      <section id="summary-editor" class="panel summary-editor" aria-labelledby="summary-heading" data-case-id=${ifDefined(this.caseId)}>
        <h2 id="summary-heading" class="panel__title">${t('summary.heading')}</h2>
        <p class="hint">${t('summary.intro')}</p>
        ${piiSummary('summary-pii-summary', store.findings, summaryFieldLabel)}
        <p id="summary-notice" class="notice ${noticeClass(store.notice)}" role="status" aria-live="polite">${noticeText(store.notice)}</p>
        <form id="summary-form" class="form" novalidate @submit=${this.onSave}>
          ${this.text('direction', 'summary-direction', t('summary.direction'), draft.direction, true, (v) => store.setDirection(v))}
          <fieldset class="fieldset fieldset--nested">
            <legend>${t('summary.adopt')}</legend>
            ${this.proposals.length === 0 ? html`<p class="hint">${t('summary.noProposals')}</p>` : nothing}
            <ul id="summary-proposals" class="checklist">
              ${this.proposals.map((p) => html`<li class="checklist__item" data-proposal-id=${p.proposalId}>
                <input id="adopt-${p.proposalId}" type="checkbox" .checked=${draft.adoptedProposalIds.includes(p.proposalId)}
                  @change=${(e: Event) => store.setAdopted(p.proposalId, (e.target as HTMLInputElement).checked)} />
                <label for="adopt-${p.proposalId}">
                  <span class="badge">${proposalTypeLabel(p.type)}</span> ${p.targetActivity}: ${p.description}
                  <span class="hint">${t('summary.endorsements', { count: p.endorsers.size })}</span>
                </label>
              </li>`)}
            </ul>
          </fieldset>
          ${this.renderIssues(store)}
          ${this.renderList(store, 'missingResources', 'missing', 'summary.missingResources', 'summary.missingRow', 'summary.addMissing')}
          ${this.renderList(store, 'followUps', 'follow-up', 'summary.followUps', 'summary.followUpRow', 'summary.addFollowUp')}
          <div class="actions">
            <button id="summary-save" class="button button--primary" type="submit" aria-disabled=${store.saving ? 'true' : 'false'}>
              ${store.saving ? t('summary.saving') : t('summary.save')}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  private renderIssues(store: SummaryEditorStore): TemplateResult {
    return html`<fieldset class="fieldset fieldset--nested">
      <legend>${t('summary.regionalIssues')}</legend>
      <ol id="summary-issues" class="summary-rows">
        ${store.draft.regionalIssues.map((issue, i) => {
          const row = t('summary.issueRow', { n: i + 1 });
          return html`<li class="summary-row" data-index=${i}>
            <div class="form">
              ${this.text(`regionalIssues[${i}].text`, `issue-${i}-text`, `${row}: ${t('summary.issueText')}`, issue.text, true,
                (v) => store.setIssue(i, 'text', v))}
              ${this.text(`regionalIssues[${i}].tags`, `issue-${i}-tags`, `${row}: ${t('summary.issueTags')}`, issue.tags, false,
                (v) => store.setIssue(i, 'tags', v))}
            </div>
            ${removeButton(`issue-${i}-remove`, t('summary.removeRow', { row }), () => store.removeIssue(i))}
          </li>`;
        })}
      </ol>
      <button id="add-issue" class="button button--secondary" type="button" @click=${() => this.added(() => store.addIssue(), 'issue', 'text')}>
        ${t('summary.addIssue')}</button>
    </fieldset>`;
  }

  private renderList(store: SummaryEditorStore, list: SummaryList, idBase: string, legend: MessageKey, rowKey: MessageKey, addKey: MessageKey) {
    return html`<fieldset class="fieldset fieldset--nested">
      <legend>${t(legend)}</legend>
      <ol id="summary-${idBase}" class="summary-rows">
        ${store.draft[list].map((item, i) => {
          const row = t(rowKey, { n: i + 1 });
          return html`<li class="summary-row" data-index=${i}>
            ${this.text(`${list}[${i}]`, `${idBase}-${i}`, row, item, false, (v) => store.setItem(list, i, v))}
            ${removeButton(`${idBase}-${i}-remove`, t('summary.removeRow', { row }), () => store.removeItem(list, i))}
          </li>`;
        })}
      </ol>
      <button id="add-${idBase}" class="button button--secondary" type="button" @click=${() => this.added(() => store.addItem(list), idBase)}>
        ${t(addKey)}</button>
    </fieldset>`;
  }

  private text(path: string, id: string, label: string, value: string, multiline: boolean, set: (value: string) => void): TemplateResult {
    const findings = this.store?.findingsFor(path) ?? [];
    const describedBy = findings.length > 0 ? piiMessagesId(id) : undefined;
    const onInput = (event: Event) => set((event.target as HTMLInputElement | HTMLTextAreaElement).value);
    return html`<div class="field ${findings.length > 0 ? 'field--pii' : ''}">
      <label class="field__label" for=${id}>${label}</label>
      ${multiline
        ? html`<textarea id=${id} class="field__input field__input--area" rows="3" maxlength="4000" .value=${live(value)}
            aria-invalid=${findings.length > 0 ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)} @input=${onInput}></textarea>`
        : html`<input id=${id} class="field__input" type="text" maxlength="1000" .value=${live(value)}
            aria-invalid=${findings.length > 0 ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)} @input=${onInput} />`}
      ${piiMirror(id, path, value, findings)}
    </div>`;
  }

  /** Adds a row and moves the focus into it. */
  private added(add: () => void, idBase: string, part?: string): void {
    add();
    const store = this.store;
    if (!store) return;
    const count = idBase === 'issue' ? store.draft.regionalIssues.length : store.draft[idBase === 'missing' ? 'missingResources' : 'followUps'].length;
    const id = part ? `${idBase}-${count - 1}-${part}` : `${idBase}-${count - 1}`;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  private onSave(event: SubmitEvent): void {
    event.preventDefault();
    void this.store?.save().then(() => {
      if (this.store?.notice?.kind === 'blocked') this.querySelector<HTMLElement>('#summary-pii-summary')?.scrollIntoView?.();
    });
  }
}

function removeButton(id: string, label: string, remove: () => void): TemplateResult {
  return html`<button id=${id} class="button button--ghost button--small" type="button" @click=${remove}>
    <span aria-hidden="true">×</span><span class="visually-hidden">${label}</span>
  </button>`;
}

function proposalTypeLabel(type: string): string {
  const key = `proposalType.${type}`;
  return has(key) ? t(key) : type;
}

function noticeText(notice: SummaryNotice | null): string {
  if (!notice) return '';
  switch (notice.kind) {
    case 'saved':
      return t('summary.saved');
    case 'blocked':
      return t('summary.blocked', { count: notice.count });
    case 'direction-required':
      return t('summary.directionRequired');
    case 'error':
      return notice.code === 'wrong_phase' ? t('summary.wrongPhase') : errorText(notice);
  }
}

function noticeClass(notice: SummaryNotice | null): string {
  if (!notice) return 'notice--empty';
  return notice.kind === 'saved' ? 'notice--ok' : 'notice--error';
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-summary-editor': SummaryEditor;
  }
}
