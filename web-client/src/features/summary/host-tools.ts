import { html, nothing, type TemplateResult } from 'lit';
import type { CaseApi } from '../../net/case-api';
import type { MeetingApi } from '../../net/meeting-api';
import type { MeetingRoomModel } from '../../state/meeting-room-model';
import type { SummaryGateway } from '../../state/summary-editor-store';
import { t } from './messages';
import './summary-editor';

/** What the summary editor calls: the summary route, and the privacy check for its texts. */
export function summaryGateway(meetings: MeetingApi, cases: CaseApi): SummaryGateway {
  return {
    updateSummary: (id, summary, caseId) => meetings.updateSummary(id, summary, caseId),
    checkTexts: (texts, signal) => cases.checkTexts(texts, signal),
  };
}

/**
 * What the room shows its host only: the summary editor in the summary phase and after closing
 * (for `caseId`, the case in focus, when the meeting has an agenda), and once closed the link to
 * the publish page.
 */
export function hostSummaryTools(store: MeetingRoomModel, api: SummaryGateway | undefined, caseId?: string): TemplateResult | typeof nothing {
  const meeting = store.meeting;
  if (!store.isHost || !api || !meeting) return nothing;
  const writing = store.phase === 'summary' || store.isClosed;
  return html`
    ${writing
      ? html`<yoriai-summary-editor .api=${api} .meetingId=${meeting.id} .caseId=${caseId} .summary=${store.summaryOf(caseId)}
          .proposals=${caseId === undefined ? store.proposals : store.proposals.filter((p) => p.caseId === caseId)}></yoriai-summary-editor>`
      : nothing}
    ${store.isClosed
      ? html`<p class="actions"><a id="publish-link" class="button button--primary" href="/#/meetings/${encodeURIComponent(meeting.id)}/publish">
          ${t('publish.link')}</a></p>`
      : nothing}
  `;
}
