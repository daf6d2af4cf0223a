import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AccountApi } from '../../net/account-api';
import type { ApiError } from '../../net/http';
import { errorText } from '../../shared/format';
import { AccountForm } from './account-form';
import { PasswordResetDoneEvent } from './events';
import { t } from './messages';

/** `#/reset-request` (public): asks for a reset link; the answer is the same whatever the address. */
@customElement('yoriai-reset-request')
export class ResetRequestPage extends AccountForm {
  @property({ attribute: false }) api?: Pick<AccountApi, 'requestReset'>;
  @state() private sent = false;

  protected readonly idPrefix = 'reset-request';

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || !this.requireFilled(['email'])) return;
    const api = this.api;
    const email = this.value('email');
    if (await this.submitting(() => api.requestReset(email))) {
      this.sent = true;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#reset-request-sent')?.focus();
    }
  }

  protected override refusalText(error: ApiError): string {
    return error.status === 429 ? t('form.error.tooMany') : errorText(error);
  }

  protected override render() {
    return html`<section class="card" aria-labelledby="reset-request-heading">
      <h1 id="reset-request-heading" class="card__title" tabindex="-1">${t('reset.requestHeading')}</h1>
      ${this.sent
        ? html`<p id="reset-request-sent" class="notice notice--ok" tabindex="-1">${t('reset.requestSent')}</p>
            <p><a href="/#/">${t('signup.toHome')}</a></p>`
        : html`<p class="card__lead">${t('reset.requestLead')}</p>
            ${this.renderFormError()}
            <form id="reset-request-form" class="form" novalidate @submit=${this.onSubmit}>
              ${this.input('email', t('form.email'), { type: 'email', autocomplete: 'email' })}
              <button id="reset-request-submit" class="button button--primary button--block" type="submit" ?disabled=${this.busy}
                aria-busy=${this.busy ? 'true' : 'false'}>${t('reset.requestSubmit')}</button>
            </form>`}
    </section>`;
  }
}

/** `#/reset?token=…` (public; without a token the route shows the request form): the new password, twice; then the sign-in page says it was set. */
@customElement('yoriai-reset-page')
export class ResetPage extends AccountForm {
  @property({ attribute: false }) api?: Pick<AccountApi, 'resetPassword'>;
  @property() token = '';

  protected readonly idPrefix = 'reset';

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || !this.requireFilled(['password', 'passwordAgain'])) return;
    const password = this.value('password');
    if (password !== this.value('passwordAgain')) {
      this.showErrors({ passwordAgain: t('form.error.mismatch') }, []);
      return;
    }
    const api = this.api;
    if (await this.submitting(() => api.resetPassword(this.token, password))) this.dispatchEvent(new PasswordResetDoneEvent());
  }

  protected override refusalText(error: ApiError): string {
    return error.code === 'invalid_token' ? t('reset.invalidToken') : errorText(error);
  }

  protected override render() {
    return html`<section class="card" aria-labelledby="reset-heading">
      <h1 id="reset-heading" class="card__title" tabindex="-1">${t('reset.heading')}</h1>
      <p class="card__lead">${t('reset.lead')}</p>
      ${this.renderFormError()}
      <form id="reset-form" class="form" novalidate @submit=${this.onSubmit}>
        ${this.passwordInput(t('reset.newPassword'))}
        ${this.input('passwordAgain', t('form.passwordAgain'), { type: 'password', autocomplete: 'new-password' })}
        <button id="reset-submit" class="button button--primary button--block" type="submit" ?disabled=${this.busy}
          aria-busy=${this.busy ? 'true' : 'false'}>${t('reset.submit')}</button>
      </form>
      ${this.refusalCode === 'invalid_token' ? html`<p><a id="reset-ask-again" href="/#/reset-request">${t('reset.askAgain')}</a></p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-reset-request': ResetRequestPage;
    'yoriai-reset-page': ResetPage;
  }
}
