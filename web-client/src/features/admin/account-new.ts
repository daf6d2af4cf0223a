import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ROLES, type AccountApi, type NewAccountRequest } from '../../net/account-api';
import type { Role } from '../../net/protocol';
import { AnnounceEvent } from '../../shared/announce';
import { roleLabel } from '../../shared/format';
import { AccountForm } from '../signup/account-form';
import { t } from './messages';

/** The admin created an account (the list reloads). */
export class AccountCreatedEvent extends Event {
  static readonly type = 'account-created';
  constructor() {
    super(AccountCreatedEvent.type, { bubbles: true, composed: true });
  }
}

/** The admin's new account: any role; without a password the person is mailed an invitation to set one. */
@customElement('yoriai-admin-account-new')
export class AdminAccountNew extends AccountForm {
  @property({ attribute: false }) api?: Pick<AccountApi, 'create'>;
  @state() private accountRole: Role | '' = '';

  protected readonly idPrefix = 'account-new';

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api) return;
    const required = ['email', 'displayName', 'role', 'organization.name', 'organization.kind', 'organization.prefecture'];
    if (!this.requireFilled(this.accountRole === 'professional' ? [...required, 'profession'] : required)) return;
    const password = this.value('password');
    const request: NewAccountRequest = {
      email: this.value('email'),
      displayName: this.value('displayName'),
      role: this.value('role') as Role,
      organization: this.organization(),
      ...(password ? { password } : {}),
      ...(this.accountRole === 'professional' ? { profession: this.value('profession') } : {}),
    };
    const api = this.api;
    if (await this.submitting(async () => void (await api.create(request)))) {
      const name = request.displayName;
      this.dispatchEvent(new AnnounceEvent(t(password ? 'admin.status.created' : 'admin.status.createdInvited', { name })));
      this.dispatchEvent(new AccountCreatedEvent());
      this.querySelector<HTMLFormElement>('#account-new-form')?.reset();
      this.accountRole = '';
    } else if (this.formError) {
      this.dispatchEvent(new AnnounceEvent(this.formError));
    }
  }

  protected override render() {
    return html`<p class="hint">${t('admin.accounts.newLead')}</p>
      ${this.renderFormError()}
      <form id="account-new-form" class="form" novalidate @submit=${this.onSubmit}>
        ${this.input('email', t('form.email'), { type: 'email', autocomplete: 'off' })}
        ${this.input('displayName', t('form.displayName'), { autocomplete: 'off' })}
        ${this.select('role', t('admin.accounts.role'), ROLES.map((r) => ({ value: r, label: roleLabel(r) })), {
          onChange: (e) => (this.accountRole = (e.currentTarget as HTMLSelectElement).value as Role),
        })}
        ${this.accountRole === 'professional' ? this.professionSelect() : ''}
        ${this.organizationFields()}
        ${this.passwordInput(t('admin.accounts.passwordOptional'), 'password', false)}
        <div class="actions">
          <button id="account-new-submit" class="button button--primary" type="submit" ?disabled=${this.busy}
            aria-busy=${this.busy ? 'true' : 'false'}>${t('admin.accounts.create')}</button>
        </div>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-admin-account-new': AdminAccountNew;
  }
  interface HTMLElementEventMap {
    [AccountCreatedEvent.type]: AccountCreatedEvent;
  }
}
