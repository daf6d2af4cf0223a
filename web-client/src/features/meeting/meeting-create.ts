import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CaseApi } from '../../net/case-api';
import { ApiError } from '../../net/http';
import type { MeetingApi } from '../../net/meeting-api';
import { TIMED_PHASES, type CaseFile, type TimedPhase, type Visibility } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { MeetingCreatedEvent } from './events';
import { phaseLabel, toOffsetIso } from './format';
import { t } from './messages';
import { safeUrl } from '../../shared/safe-url';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * Default time boxes. §3's half-hour flow is presentation ≈5, provider plan ≈5, questions and
 * advice ≈15, summary ≈5; the proposals phase has no slot of its own there, so it gets 5 and
 * the host shortens whatever the meeting does not need.
 */
export const DEFAULT_PHASE_MINUTES: Readonly<Record<TimedPhase, number>> = {
  presentation: 5,
  questions: 5,
  advice: 15,
  proposals: 5,
  summary: 5,
};

/**
 * `#/meetings/new[?case=ID]`: a municipality user schedules a meeting about their submitted cases,
 * one checkbox per case. The agenda is the order in which they were ticked (each ticked case shows
 * its number, and the agenda is listed before creating); `caseId` (from a case's
 * 「この事例で会議を作成」) starts ticked.
 */
@customElement('yoriai-meeting-create')
export class MeetingCreate extends LocalizedElement {
  @property({ attribute: false }) meetings?: Pick<MeetingApi, 'create'>;
  @property({ attribute: false }) cases?: Pick<CaseApi, 'list'>;
  @property({ type: Boolean }) canCreate = false;
  /** The case to start with, ticked as agenda item 1 once the submitted cases are loaded. */
  @property({ attribute: false }) caseId: string | null = null;

  private readonly submitted = new KeyedLoad<CaseFile[]>(this, async () =>
    (await this.cases!.list('submitted')).filter((c) => c.state === 'submitted'),
  );
  @state() private busy = false;
  @state() private error: string | null = null;
  @state() private callUrlInvalid = false;
  /** The ticked cases' ids, in the order they were ticked: the agenda. */
  @state() private picked: readonly string[] = [];
  private startedWith: string | null = null;

  protected override willUpdate(): void {
    this.submitted.refresh(this.cases && this.canCreate ? 'submitted' : null);
    const cases = this.submitted.result;
    if (this.caseId && cases && this.startedWith !== this.caseId) {
      this.startedWith = this.caseId;
      if (cases.some((c) => c.id === this.caseId) && !this.picked.includes(this.caseId)) {
        this.picked = [this.caseId, ...this.picked];
      }
    }
  }

  protected override render() {
    if (!this.canCreate) {
      return html`<section class="card"><h1 class="card__title" tabindex="-1">${t('meetingForm.heading')}</h1>
        <p class="alert" role="alert">${t('meetingForm.onlyMunicipality')}</p></section>`;
    }
    const cases = this.submitted.result ?? [];
    const error = this.error ?? (this.submitted.error ? errorText(this.submitted.error) : null);
    return html`
      <section class="card card--wide" aria-labelledby="meeting-form-heading">
        <h1 id="meeting-form-heading" class="card__title" tabindex="-1">${t('meetingForm.heading')}</h1>
        <form id="meeting-form" class="form" novalidate @submit=${this.onSubmit}>
          <div class="field">
            <label class="field__label" for="meeting-title">${t('meetingForm.title')}</label>
            <input id="meeting-title" name="title" class="field__input" type="text" maxlength="120" required />
          </div>
          ${this.renderCasePicker(cases)}
          <fieldset class="fieldset fieldset--plain">
            <legend class="field__label">${t('meetingForm.visibility')}</legend>
            ${(['open', 'invite'] as Visibility[]).map(
              (v) => html`<label class="choice">
                <input id="meeting-visibility-${v}" type="radio" name="visibility" value=${v} ?checked=${v === 'open'} />
                ${t(`visibility.${v}`)}
              </label>`,
            )}
          </fieldset>
          <div class="field">
            <label class="field__label" for="meeting-starts-at">${t('meetingForm.startsAt')}</label>
            <input id="meeting-starts-at" name="startsAt" class="field__input" type="datetime-local" required />
          </div>
          <div class="field">
            <label class="field__label" for="meeting-call-url">${t('meetingForm.callUrl')}</label>
            <input id="meeting-call-url" name="callUrl" class="field__input" type="url" inputmode="url" maxlength="500"
              placeholder="https://" aria-invalid=${this.callUrlInvalid ? 'true' : 'false'}
              aria-describedby="meeting-call-url-hint${this.callUrlInvalid ? ' meeting-call-url-error' : ''}" />
            <p id="meeting-call-url-hint" class="hint">${t('meetingForm.callUrlHint')}</p>
            ${this.callUrlInvalid
              ? html`<p id="meeting-call-url-error" class="field__error" role="alert">${t('meetingForm.error.callUrl')}</p>`
              : nothing}
          </div>
          <fieldset class="fieldset fieldset--plain">
            <legend class="field__label">${t('meetingForm.phaseMinutes')}</legend>
            <div class="field-row">
              ${TIMED_PHASES.map(
                (phase) => html`<div class="field">
                  <label class="field__label" for="meeting-minutes-${phase}">${phaseLabel(phase)}</label>
                  <input id="meeting-minutes-${phase}" name="minutes-${phase}" class="field__input" type="number"
                    min="1" max="180" inputmode="numeric" value=${DEFAULT_PHASE_MINUTES[phase]} />
                </div>`,
              )}
            </div>
          </fieldset>
          ${error ? html`<p id="meeting-form-error" class="alert" role="alert">${error}</p>` : nothing}
          <button id="meeting-create-submit" class="button button--primary" type="submit"
            aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? t('meetingForm.creating') : t('meetingForm.submit')}
          </button>
        </form>
      </section>
    `;
  }

  private renderCasePicker(cases: readonly CaseFile[]): TemplateResult {
    const titles = new Map(cases.map((c) => [c.id, c.title]));
    const agenda = this.picked.filter((id) => titles.has(id));
    return html`
      <fieldset id="meeting-cases" class="fieldset fieldset--plain" aria-describedby="meeting-cases-hint">
        <legend class="field__label">${t('meetingForm.cases')}</legend>
        <p id="meeting-cases-hint" class="hint">${t('meetingForm.casesHint')}</p>
        ${(this.submitted.result !== null || this.submitted.error) && cases.length === 0
          ? html`<p class="hint">${t('meetingForm.noCases')}</p>`
          : nothing}
        ${this.caseId && this.submitted.result !== null && !titles.has(this.caseId)
          ? html`<p id="meeting-case-unavailable" class="hint">${t('meetingForm.caseUnavailable')}</p>`
          : nothing}
        <ul class="case-picks">
          ${cases.map((c) => {
            const order = agenda.indexOf(c.id) + 1;
            return html`<li class="case-pick" data-case-id=${c.id}>
              <label class="choice">
                <input type="checkbox" name="caseIds" value=${c.id} .checked=${order > 0}
                  @change=${(event: Event) => this.tick(c.id, (event.target as HTMLInputElement).checked)} />
                <span>${c.title}</span>
                ${order > 0 ? html`<span class="case-pick__order" data-order=${order}>${t('meetingForm.agendaItem', { n: order })}</span>` : nothing}
              </label>
            </li>`;
          })}
        </ul>
      </fieldset>
      ${agenda.length > 0
        ? html`<div class="field">
            <p class="field__label" id="meeting-agenda-label">${t('meetingForm.agenda')}</p>
            <ol id="meeting-agenda" class="agenda-preview" aria-labelledby="meeting-agenda-label">
              ${agenda.map((id) => html`<li data-case-id=${id}>${titles.get(id)}</li>`)}
            </ol>
          </div>`
        : nothing}
    `;
  }

  private tick(caseId: string, ticked: boolean): void {
    const others = this.picked.filter((id) => id !== caseId);
    this.picked = ticked ? [...others, caseId] : others;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.meetings) return;
    const form = event.currentTarget as HTMLFormElement;
    const title = (form.elements.namedItem('title') as HTMLInputElement).value.trim();
    const listed = new Set((this.submitted.result ?? []).map((c) => c.id));
    const caseIds = this.picked.filter((id) => listed.has(id));
    const visibility = (form.querySelector<HTMLInputElement>('input[name="visibility"]:checked')?.value ?? 'open') as Visibility;
    const startsAtLocal = (form.elements.namedItem('startsAt') as HTMLInputElement).value;
    if (title === '' || caseIds.length === 0 || startsAtLocal === '') {
      this.error = t('meetingForm.error.required');
      return;
    }
    const callUrlText = (form.elements.namedItem('callUrl') as HTMLInputElement).value.trim();
    // sent as typed once it reads as https: the server checks it again
    const callUrl = callUrlText === '' ? undefined : safeUrl(callUrlText, ['https:']) === null ? null : callUrlText;
    this.callUrlInvalid = callUrl === null;
    if (callUrl === null) {
      form.querySelector<HTMLInputElement>('#meeting-call-url')?.focus();
      return;
    }
    const phaseMinutes = { ...DEFAULT_PHASE_MINUTES };
    for (const phase of TIMED_PHASES) {
      const value = Number((form.elements.namedItem(`minutes-${phase}`) as HTMLInputElement).value);
      if (Number.isInteger(value) && value > 0) phaseMinutes[phase] = value;
    }
    this.busy = true;
    this.error = null;
    try {
      const meeting = await this.meetings.create({
        title,
        caseIds,
        visibility,
        startsAt: toOffsetIso(startsAtLocal),
        phaseMinutes,
        ...(callUrl ? { callUrl } : {}),
      });
      this.dispatchEvent(new MeetingCreatedEvent(meeting.id));
    } catch (error) {
      this.error = error instanceof ApiError ? errorText(error) : t('common.error.generic');
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-meeting-create': MeetingCreate;
  }
}
