import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AccountApi, SignUpRequest } from '../../net/account-api';
import type { ApiError } from '../../net/http';
import { errorText } from '../../shared/format';
import { AccountForm } from './account-form';
import { t } from './messages';

type SignUpRole = SignUpRequest['role'];

/** The kinds of organization a professional may belong to (a company's is always `company`). */
const PROFESSIONAL_KINDS = ['support_center', 'care_provider', 'municipality', 'npo'] as const;

/**
 * `#/signup` (public): a company or a professional asks to join (`POST /api/v1/signup`); after the
 * 202 it says the request waits for an administrator. `email` comes from `#/signup?email=…` (a
 * meeting invitation links there).
 */
@customElement('yoriai-signup-page')
export class SignUpPage extends AccountForm {
  @property({ attribute: false }) api?: Pick<AccountApi, 'signUp'>;
  @property() email = '';

  @state() private accountRole: SignUpRole = 'company';
  @state() private done = false;

  protected readonly idPrefix = 'signup';

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    const required = ['email', 'password', 'displayName', 'organization.name', 'organization.kind', 'organization.prefecture'];
    if (!this.requireFilled(this.accountRole === 'professional' ? [...required, 'profession'] : required)) return;
    const request: SignUpRequest = {
      email: this.value('email'),
      password: this.value('password'),
      displayName: this.value('displayName'),
      role: this.accountRole,
      organization: this.organization(),
      ...(this.accountRole === 'professional' ? { profession: this.value('profession') } : {}),
    };
    const api = this.api;
    if (await this.submitting(() => api.signUp(request))) {
      this.done = true;
      await this.updateComplete;
      this.querySelector<HTMLElement>('#signup-done-heading')?.focus();
    }
  }

  protected override refusalText(error: ApiError): string {
    return error.status === 429 ? t('form.error.tooMany') : errorText(error);
  }

  protected override render() {
    if (this.done) {
      return html`<section id="signup-done" class="card" aria-labelledby="signup-done-heading">
        <h1 id="signup-done-heading" class="card__title" tabindex="-1">${t('signup.doneHeading')}</h1>
        <p id="signup-done-text" class="notice notice--ok">${t('signup.done')}</p>
        <p>${t('signup.doneNext')}</p>
        <p><a id="signup-home" href="/#/">${t('signup.toHome')}</a></p>
      </section>`;
    }
    return html`<section class="card card--wide" aria-labelledby="signup-heading">
      <h1 id="signup-heading" class="card__title" tabindex="-1">${t('signup.heading')}</h1>
      <p class="card__lead">${t('signup.lead')}</p>
      ${this.renderFormError()}
      <form id="signup-form" class="form" novalidate @submit=${this.onSubmit}>
        ${this.input('email', t('form.email'), { type: 'email', autocomplete: 'email', value: this.email })}
        ${this.passwordInput()}
        ${this.input('displayName', t('form.displayName'), { autocomplete: 'name' })}
        <fieldset class="fieldset">
          <legend>${t('form.role')}</legend>
          ${(['company', 'professional'] as const).map((role) => html`<label class="choice">
            <input id="signup-role-${role}" type="radio" name="role" value=${role} .checked=${this.accountRole === role}
              @change=${() => (this.accountRole = role)} />
            ${t(`signup.role.${role}`)}</label>`)}
        </fieldset>
        ${this.accountRole === 'professional' ? this.professionSelect() : ''}
        ${this.organizationFields(this.accountRole === 'company' ? ['company'] : PROFESSIONAL_KINDS)}
        <div class="actions">
          <button id="signup-submit" class="button button--primary" type="submit" ?disabled=${this.busy}
            aria-busy=${this.busy ? 'true' : 'false'}>${this.busy ? t('signup.submitting') : t('signup.submit')}</button>
        </div>
      </form>
      <p><a href="/#/">${t('signup.haveAccount')}</a></p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-signup-page': SignUpPage;
  }
}
