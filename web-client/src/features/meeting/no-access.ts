import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocalizedElement } from '../../shared/localized-element';
import { t } from './messages';

/**
 * The meeting page for an account that may not see the meeting (404 or 403 from it): says so, names
 * who to ask, and — unless the host removed this account — lets an invitee type the code they were
 * given, which opens `#/meetings/{id}?invite={code}`. Never an empty room with a live form.
 */
@customElement('yoriai-meeting-no-access')
export class MeetingNoAccess extends LocalizedElement {
  @property() meetingId = '';
  /** The code this visit tried, if any: then the page says it did not match. */
  @property() triedCode?: string;
  /** The host removed this account: a code does not help. */
  @property({ type: Boolean }) removed = false;
  /** The host's organization when known, else the page says 開催者. */
  @property() hostOrganization?: string;
  @state() private empty = false;

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    const code = (this.querySelector<HTMLInputElement>('#invite-code-input')?.value ?? '').trim();
    this.empty = code === '';
    if (this.empty) return;
    window.location.hash = `#/meetings/${encodeURIComponent(this.meetingId)}?invite=${encodeURIComponent(code)}`;
  };

  protected override render() {
    const host = this.hostOrganization ?? t('noAccess.host');
    return html`<section id="meeting-no-access" class="card" aria-labelledby="no-access-heading">
      <h1 id="no-access-heading" class="card__title" tabindex="-1">${t('noAccess.heading')}</h1>
      <p>${t(this.removed ? 'noAccess.removed' : 'noAccess.ask', { host })}</p>
      ${this.removed ? nothing : html`
        ${this.triedCode ? html`<p id="invite-code-wrong" class="alert" role="alert">${t('noAccess.wrongCode')}</p>` : nothing}
        <form id="invite-code-form" class="form" novalidate @submit=${this.onSubmit}>
          <div class="field">
            <label class="field__label" for="invite-code-input">${t('noAccess.codeLabel')}</label>
            <input id="invite-code-input" class="field__input" type="text" autocomplete="off" spellcheck="false"
              maxlength="64" aria-invalid=${this.empty ? 'true' : 'false'}
              aria-describedby="invite-code-hint${this.empty ? ' invite-code-empty' : ''}" />
            <p id="invite-code-hint" class="hint">${t('noAccess.codeHint')}</p>
            ${this.empty ? html`<p id="invite-code-empty" class="field__error" role="alert">${t('noAccess.codeEmpty')}</p>` : nothing}
          </div>
          <button id="invite-code-submit" class="button button--primary" type="submit">${t('noAccess.codeSubmit')}</button>
        </form>`}
      <p><a id="no-access-meetings" href="/#/meetings">${t('noAccess.toMeetings')}</a></p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-meeting-no-access': MeetingNoAccess;
  }
}
