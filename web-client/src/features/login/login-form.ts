import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LoginRequestEvent } from './events';
import { loginErrorMessageKey, MISSING_FIELDS } from './login-errors';
import { t } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * The sign-in form. A pure view: it validates that both fields are filled in, then raises a
 * {@link LoginRequestEvent}; the result comes back through `busy` and `error`.
 * Rendered in light DOM so end-to-end tests can find its ids with plain CSS selectors.
 */
@customElement('yoriai-login-form')
export class LoginForm extends LocalizedElement {
  /** A sign-in request is in flight; further submits are ignored. */
  @property({ type: Boolean }) busy = false;

  /** Why the last attempt failed, from the session store. */
  @property({ attribute: false }) error: { status: number; code: string } | null = null;

  /** What the page says above the form: a password was just set through a reset link. */
  @property() notice: 'password-set' | null = null;

  @state() private missingFields = false;

  /** Moves keyboard focus to the email field. */
  async focusEmail(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLInputElement>('#login-email')?.focus();
  }

  protected override render() {
    const error = this.missingFields ? { status: 0, code: MISSING_FIELDS } : this.error;
    const describedBy = error ? 'login-error' : undefined;
    return html`
      <section class="card" aria-labelledby="login-heading">
        <h1 id="login-heading" class="card__title">${t('login.title')}</h1>
        <p class="card__lead">${t('login.intro')}</p>
        ${this.notice === 'password-set'
          ? html`<p id="login-notice" class="notice notice--ok">${t('login.notice.passwordSet')}</p>`
          : nothing}
        <form id="login-form" class="form" novalidate @submit=${this.onSubmit}>
          <div class="field">
            <label class="field__label" for="login-email">${t('login.email')}</label>
            <input
              id="login-email"
              name="email"
              class="field__input"
              type="email"
              inputmode="email"
              autocomplete="username"
              autocapitalize="off"
              spellcheck="false"
              required
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${ifDefined(describedBy)}
            />
          </div>
          <div class="field">
            <label class="field__label" for="login-password">${t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              class="field__input"
              type="password"
              autocomplete="current-password"
              required
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${ifDefined(describedBy)}
            />
          </div>
          ${error
            ? html`<p id="login-error" class="alert" role="alert">${t(loginErrorMessageKey(error))}</p>`
            : nothing}
          <button
            id="login-submit"
            class="button button--primary button--block"
            type="submit"
            aria-disabled=${this.busy ? 'true' : 'false'}
          >
            ${this.busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <ul class="login-links">
          <li><a id="login-forgot" href="/#/reset-request">${t('login.forgot')}</a></li>
          <li><a id="login-signup" href="/#/signup">${t('login.signup')}</a></li>
        </ul>
      </section>
    `;
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const emailInput = form.elements.namedItem('email') as HTMLInputElement;
    const passwordInput = form.elements.namedItem('password') as HTMLInputElement;
    const email = emailInput.value.trim();
    const password = passwordInput.value;
    if (email === '' || password === '') {
      this.missingFields = true;
      (email === '' ? emailInput : passwordInput).focus();
      return;
    }
    this.missingFields = false;
    this.dispatchEvent(new LoginRequestEvent(email, password));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-login-form': LoginForm;
  }
}
