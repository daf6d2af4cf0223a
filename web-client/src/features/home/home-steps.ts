import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CaseApi } from '../../net/case-api';
import type { HomeApi } from '../../net/home-api';
import type { MeetingApi } from '../../net/meeting-api';
import type { User } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { KeyedLoad } from '../../shared/keyed-load';
import { meetingItem, renderMeetingItem } from '../meeting/meeting-item';
import { type MessageKey, t } from './messages';
import { hostSteps, type NextSteps } from './next-steps';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * `#/` signed in, under the account summary: what this role does next. A municipality: its draft
 * cases, the meetings it hosts, closed meetings still to summarize or publish. A professional or
 * company: meetings to join; a company also how often its services were proposed. An admin: its jobs.
 */
@customElement('yoriai-home-steps')
export class HomeSteps extends LocalizedElement {
  @property({ attribute: false }) user: User | null = null;
  @property({ attribute: false }) cases?: Pick<CaseApi, 'list'>;
  @property({ attribute: false }) meetings?: Pick<MeetingApi, 'list'>;
  @property({ attribute: false }) home?: Pick<HomeApi, 'ownServices'>;

  private readonly steps = new KeyedLoad<NextSteps>(this, (signal) => this.load(this.user!, signal), true);

  protected override willUpdate(): void {
    const ready = this.user && this.cases && this.meetings && this.home;
    this.steps.refresh(ready ? `${this.user!.id}:${this.user!.role}` : null);
  }

  private async load(user: User, signal: AbortSignal): Promise<NextSteps> {
    switch (user.role) {
      case 'admin':
        return { kind: 'admin' };
      case 'municipality': {
        const [cases, upcoming, past] = await Promise.all([this.cases!.list(), this.meetings!.list('upcoming'), this.meetings!.list('past')]);
        return hostSteps(user, cases, upcoming, past);
      }
      default: {
        const [upcoming, services] = await Promise.all([
          this.meetings!.list('upcoming'),
          user.role === 'company' ? this.home!.ownServices(signal) : Promise.resolve(null),
        ]);
        return { kind: 'participant', meetings: upcoming.map(meetingItem), services };
      }
    }
  }

  protected override render() {
    const steps = this.steps.result;
    if (this.steps.error) return html`<p class="alert" role="alert">${errorText(this.steps.error)}</p>`;
    if (!steps) return html`<p class="hint" aria-busy="true">${t('common.loading')}</p>`;
    switch (steps.kind) {
      case 'admin':
        return this.renderAdmin();
      case 'host':
        return html`
          ${section('home-drafts', 'home.drafts', html`<a id="home-new-case" class="button button--primary" href="/#/cases/new">${t('home.newCase')}</a>`,
            steps.drafts.length === 0 ? 'home.noDrafts' : null,
            steps.drafts.map((c) => html`<li class="item-list__item" data-case-id=${c.id}>
              <a class="item-list__link" href="/#/cases/${encodeURIComponent(c.id)}">${c.title}</a>
            </li>`))}
          ${section('home-hosting', 'home.hosting', html`<a id="home-new-meeting" class="button button--secondary" href="/#/meetings/new">${t('home.newMeeting')}</a>`,
            steps.hosting.length === 0 ? 'home.noHosting' : null,
            steps.hosting.map((m) => renderMeetingItem(m, 'home-meeting')))}
          ${section('home-to-finish', 'home.toFinish', nothing,
            steps.toFinish.length === 0 ? 'home.noneToFinish' : null,
            steps.toFinish.map(({ meeting, next }) => renderMeetingItem(meeting, 'home-meeting', next === 'summary'
              ? html`<a class="button button--secondary button--small home-finish" data-next="summary"
                  href="/#/meetings/${encodeURIComponent(meeting.id)}">${t('home.writeSummary')}</a>`
              : html`<a class="button button--primary button--small home-finish" data-next="publish"
                  href="/#/meetings/${encodeURIComponent(meeting.id)}/publish">${t('home.publish')}</a>`)))}
        `;
      case 'participant':
        return html`
          ${section('home-to-join', 'home.toJoin', html`<a href="/#/meetings">${t('home.allMeetings')}</a>`,
            steps.meetings.length === 0 ? 'home.noneToJoin' : null,
            steps.meetings.map((m) => renderMeetingItem(m, 'home-meeting')))}
          ${steps.services === null ? nothing : section('home-services', 'home.services',
            html`<a id="home-register-service" class="button button--secondary" href="/#/catalog/new">${t('home.registerService')}</a>`,
            steps.services.length === 0 ? 'home.noServices' : null,
            steps.services.map((s) => html`<li class="item-list__item home-service" data-service-id=${s.id}>
              <a class="item-list__link" href="/catalog/services/${encodeURIComponent(s.id)}">${s.name}</a>
              <span class="item-list__meta home-service__counts">${t('home.serviceCounts', { proposed: s.proposedCount, adopted: s.adoptedCount })}</span>
            </li>`),
            'home.servicesLead')}
        `;
    }
  }

  private renderAdmin() {
    return html`<section id="home-admin" class="card home__steps" aria-labelledby="home-admin-heading">
      <h2 id="home-admin-heading" class="section-title">${t('home.adminTasks')}</h2>
      <ul class="item-list">
        <li class="item-list__item">${t('home.adminAccounts')} <a id="home-admin-console" href="/#/admin">${t('home.adminAccountsLink')}</a></li>
        <li class="item-list__item">${t('home.adminModerate')} <a href="/#/meetings">${t('home.adminModerateLink')}</a></li>
        <li class="item-list__item">${t('home.adminRedact')} <a href="/archive">${t('home.adminRedactLink')}</a></li>
      </ul>
    </section>`;
  }
}

/** One block of next steps: a heading, an action, an empty hint or the items. */
function section(id: string, heading: MessageKey, action: unknown, empty: MessageKey | null, items: unknown[], lead?: MessageKey) {
  return html`<section id=${id} class="card home__steps" aria-labelledby="${id}-heading">
    <div class="page-head">
      <h2 id="${id}-heading" class="section-title">${t(heading)}</h2>
      ${action}
    </div>
    ${lead ? html`<p class="hint">${t(lead)}</p>` : nothing}
    ${empty ? html`<p class="hint home__empty">${t(empty)}</p>` : html`<ul class="item-list">${items}</ul>`}
  </section>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-home-steps': HomeSteps;
  }
}
