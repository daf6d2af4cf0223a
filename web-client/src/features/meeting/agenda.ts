import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MeetingCase } from '../../net/meeting-api';
import { CaseViewEvent, FocusRequestEvent } from './events';
import { t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/** The meeting's cases in agenda order, the one in focus marked (`aria-current`); the host moves the focus from here. */
@customElement('yoriai-meeting-agenda')
export class MeetingAgenda extends LocalizedElement {
  @property({ attribute: false }) caseIds: readonly string[] = [];
  /** The sheets as loaded, for their titles; a case without one is 「事例 n」. */
  @property({ attribute: false }) sheets: readonly MeetingCase[] = [];
  @property() focusCaseId = '';
  /** The host moves the focus; everyone else only reads the agenda. */
  @property({ type: Boolean }) canFocus = false;
  /** Once the meeting is closed anyone may look at any case; `focusCaseId` is then the one shown. */
  @property({ type: Boolean }) canView = false;

  protected override render() {
    return html`
      <section class="panel agenda" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading" class="panel__title">${t('agenda.heading')}</h2>
        <ol id="agenda" class="agenda__list">
          ${this.caseIds.map((id, i) => {
            const focused = id === this.focusCaseId;
            return html`<li class="agenda__item ${focused ? 'agenda__item--focus' : ''}" data-case-id=${id}
              aria-current=${focused ? 'true' : 'false'}>
              <span class="agenda__title">${caseOf(this.sheets, this.caseIds, id)?.title || t('agenda.case', { n: i + 1 })}</span>
              ${focused ? html`<span class="badge badge--host">${t(this.canView ? 'agenda.shown' : 'agenda.inFocus')}</span>` : ''}
              ${!focused && this.canFocus
                ? html`<button type="button" class="button button--secondary agenda-focus" data-case-id=${id}
                    @click=${() => this.dispatchEvent(new FocusRequestEvent(id))}>${t('agenda.focus')}</button>`
                : ''}
              ${!focused && this.canView && this.caseIds.length > 1
                ? html`<button type="button" class="button button--secondary agenda-view" data-case-id=${id}
                    @click=${() => this.dispatchEvent(new CaseViewEvent(id))}>${t('agenda.view')}</button>`
                : ''}
            </li>`;
          })}
        </ol>
      </section>
    `;
  }
}

/** The sheet of case `id`: by its id when the sheets carry one, else by its place in the agenda. */
export function caseOf(sheets: readonly MeetingCase[], caseIds: readonly string[], id: string): MeetingCase | undefined {
  return sheets.find((s) => s.id === id) ?? (sheets.every((s) => s.id === undefined) ? sheets[caseIds.indexOf(id)] : undefined);
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-meeting-agenda': MeetingAgenda;
  }
}
