import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AccountApi } from '../../net/account-api';
import type { ApiError } from '../../net/http';
import type { LoginResponse } from '../../net/protocol';
import { errorText } from '../../shared/format';
import { AccountForm } from './account-form';
import { SetupDoneEvent } from './events';
import { t } from './messages';

/**
 * `/setup?token=…` (the link the server logs on its first start): the first admin and their
 * organization. On success the shell signs them in and opens the admin console.
 */
@customElement('yoriai-setup-page')
export class SetupPage extends AccountForm {
  @property({ attribute: false }) api?: Pick<AccountApi, 'setUp'>;
  @property() token = '';

  protected readonly idPrefix = 'setup';

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    if (!this.requireFilled(['email', 'password', 'displayName', 'organization.name', 'organization.kind', 'organization.prefecture'])) return;
    const api = this.api;
    let signedIn: LoginResponse | null = null;
    const request = {
      token: this.token, email: this.value('email'), password: this.value('password'),
      displayName: this.value('displayName'), organization: this.organization(),
    };
    const ok = await this.submitting(async () => {
      signedIn = await api.setUp(request);
    });
    if (ok && signedIn) this.dispatchEvent(new SetupDoneEvent(signedIn));
  }

  protected override refusalText(error: ApiError): string {
    return error.code === 'setup_closed' ? t('setup.closed') : errorText(error);
  }

  protected override render() {
    return html`<section class="card card--wide" aria-labelledby="setup-heading">
      <h1 id="setup-heading" class="card__title" tabindex="-1">${t('setup.heading')}</h1>
      ${this.token === ''
        ? html`<p id="setup-error" class="alert" role="alert">${t('setup.noToken')}</p>`
        : html`<p class="card__lead">${t('setup.lead')}</p>
            ${this.renderFormError()}
            <form id="setup-form" class="form" novalidate @submit=${this.onSubmit}>
              ${this.input('email', t('form.email'), { type: 'email', autocomplete: 'email' })}
              ${this.passwordInput()}
              ${this.input('displayName', t('form.displayName'), { autocomplete: 'name' })}
              ${this.organizationFields()}
              <div class="actions">
                <button id="setup-submit" class="button button--primary" type="submit" ?disabled=${this.busy}
                  aria-busy=${this.busy ? 'true' : 'false'}>${t('setup.submit')}</button>
              </div>
            </form>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-setup-page': SetupPage;
  }
}
