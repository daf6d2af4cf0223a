import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocalizedElement } from '../../shared/localized-element';
import { t } from './messages';

/** `#/calendar/{id}/register` signed out: why to sign in, the sign-in form, and the way to sign up. */
@customElement('yoriai-calendar-sign-in')
export class CalendarSignIn extends LocalizedElement {
  @property({ attribute: false }) loginForm: unknown;

  protected override render() {
    return html`<p id="calendar-sign-in-note" class="card card--quiet">
        <strong>${t('calendar.signInHeading')}</strong> ${t('calendar.signInLead')}</p>
      ${this.loginForm}
      <p class="card card--quiet"><a id="calendar-sign-up" href="/#/signup">${t('calendar.signUp')}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-calendar-sign-in': CalendarSignIn;
  }
}
