import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ASSESSMENT_DOMAINS } from '../../net/case-api';
import type { MeetingCase } from '../../net/meeting-api';
import { activityTable } from '../casefile/activity-table';
import { valueLabel } from '../casefile/labels';
import { t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * The case in focus beside the discussion, read-only: the person, the activity table with
 * できること / 難しいこと (§1's decomposition), wishes, questions, supports and the assessment when
 * the sheet has one. Collapsible, so on a tablet in portrait it can make room for the discussion.
 */
@customElement('yoriai-case-panel')
export class CasePanel extends LocalizedElement {
  @property({ attribute: false }) sheet: MeetingCase | null = null;
  /** What to say while there is no sheet: loading, or why it could not be read. */
  @property() status = '';
  @state() private expanded = true;

  protected override render() {
    const sheet = this.sheet;
    return html`
      <section id="case-panel" class="panel case-panel" aria-labelledby="case-panel-heading">
        <div class="case-panel__head">
          <h2 id="case-panel-heading" class="panel__title">${t('casePanel.heading')}</h2>
          <button id="case-panel-toggle" class="button button--ghost button--small" type="button"
            aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="case-panel-body"
            @click=${() => (this.expanded = !this.expanded)}>
            ${this.expanded ? t('casePanel.collapse') : t('casePanel.expand')}
          </button>
        </div>
        <div id="case-panel-body" class="case-panel__body" ?hidden=${!this.expanded}>
          ${sheet ? this.renderSheet(sheet) : html`<p id="case-panel-status" class="hint" role="status">${this.status}</p>`}
        </div>
      </section>
    `;
  }

  private renderSheet(sheet: MeetingCase): TemplateResult {
    const p = sheet.person;
    return html`
      <h3 id="case-panel-title" class="case-panel__title">${sheet.title}</h3>
      <dl id="case-panel-person" class="entry__facts entry__facts--grid case-panel__facts">
        ${fact(t('case.prefecture'), sheet.prefecture)}
        ${fact(t('casePanel.provider'), sheet.provider ?? '')}
        ${fact(t('case.ageBand'), p.ageBand ? t('case.ageBandValue', { band: p.ageBand }) : '')}
        ${fact(t('casePanel.gender'), p.gender ? t(`gender.${p.gender}`) : '')}
        ${fact(t('case.careLevel'), p.careLevel)}
        ${fact(t('case.household'), p.household ? valueLabel('household', p.household) : '')}
        ${fact(t('case.housing'), p.housing)}
        ${fact(t('casePanel.health'), p.health)}
      </dl>
      ${sheet.activities.length > 0 ? this.renderActivities(sheet) : nothing}
      ${block('case-panel-wishes', t('case.wishes'), sheet.wishes)}
      ${block('case-panel-questions', t('case.questions'), sheet.questions)}
      ${sheet.supports.length > 0
        ? html`<h4 class="case-panel__subtitle">${t('case.supports')}</h4>
            <ul id="case-panel-supports" class="entry__list">
              ${sheet.supports.map((s) => html`<li><span class="badge">${t(`supportKind.${s.kind}`)}</span> ${s.description}</li>`)}
            </ul>`
        : nothing}
      ${this.renderAssessment(sheet)}
    `;
  }

  private renderActivities(sheet: MeetingCase): TemplateResult {
    return html`
      <h4 class="case-panel__subtitle">${t('casePanel.activities')}</h4>
      ${activityTable({
        id: 'case-panel-activities', caption: t('casePanel.activities'), rows: sheet.activities, compact: true,
        heads: [t('case.activity'), t('case.level'), t('case.canDo'), t('case.difficulty')],
      })}
    `;
  }

  private renderAssessment(sheet: MeetingCase): TemplateResult | typeof nothing {
    const domains = ASSESSMENT_DOMAINS.filter((name) => sheet.assessment[name]);
    if (domains.length === 0) return nothing;
    return html`
      <h4 class="case-panel__subtitle">${t('casePanel.assessment')}</h4>
      <dl id="case-panel-assessment" class="case-panel__assessment">
        ${domains.map((name) => {
          const domain = sheet.assessment[name]!;
          return html`<div class="case-panel__domain" data-domain=${name}>
            <dt>${t(`casePanel.assessment.${name}`)}</dt>
            ${domain.intention ? html`<dd><span class="proposal__label">${t('casePanel.assessment.intention')}:</span> ${domain.intention}</dd>` : nothing}
            ${domain.issue ? html`<dd><span class="proposal__label">${t('casePanel.assessment.issue')}:</span> ${domain.issue}</dd>` : nothing}
          </div>`;
        })}
      </dl>
    `;
  }
}

function fact(label: string, value: string): TemplateResult | typeof nothing {
  return value ? html`<div class="entry__fact"><dt>${label}</dt><dd>${value}</dd></div>` : nothing;
}

function block(id: string, title: string, text: string): TemplateResult | typeof nothing {
  return text ? html`<h4 class="case-panel__subtitle">${title}</h4><p id=${id} class="entry__text">${text}</p>` : nothing;
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-case-panel': CasePanel;
  }
}
