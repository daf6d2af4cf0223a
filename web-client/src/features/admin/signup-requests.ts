import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Account, AccountApi } from '../../net/account-api';
import { dateTimeLabel, roleLabel } from '../../shared/format';
import { organizationKindLabel } from '../signup/account-form';
import { AdminSection } from './admin-section';
import { t } from './messages';

/** 参加申請: the pending sign-ups, each with 承認 and 却下 (with an optional reason for the mail). */
@customElement('yoriai-admin-signups')
export class AdminSignUps extends AdminSection<Account[]> {
  /** The account whose rejection form is open. */
  @state() private rejecting: string | null = null;

  protected load(api: AccountApi, signal: AbortSignal): Promise<Account[]> {
    return api.accounts('pending', signal);
  }

  protected override render() {
    const pending = this.list.result;
    return html`<section id="admin-signups" aria-labelledby="admin-signups-heading">
      ${this.renderHead('admin-signups', 'admin.tab.signups', 'admin.signups.lead')}
      ${this.renderFailure('admin-signups')}
      ${this.renderListState(pending, 'admin.signups.none', 'admin-signups')}
      <ul id="admin-signup-list" class="item-list">${(pending ?? []).map((account) => this.renderRequest(account))}</ul>
    </section>`;
  }

  private renderRequest(account: Account) {
    const id = `admin-signup-${account.id}`;
    return html`<li id=${id} class="item-list__item admin-row" data-email=${account.email}>
      <h3 class="item-list__title">${account.displayName}</h3>
      <dl class="profile">
        ${row(t('admin.accounts.email'), account.email)}
        ${row(t('admin.accounts.role'), account.profession ? `${roleLabel(account.role)}（${account.profession}）` : roleLabel(account.role))}
        ${row(t('admin.accounts.organization'),
          `${account.organization.name}（${organizationKindLabel(account.organization.kind)}・${account.organization.prefecture}）`)}
        ${row(t('admin.signups.requested'), dateTimeLabel(account.createdAt))}
      </dl>
      ${this.rejecting === account.id
        ? html`<form class="form" @submit=${(event: SubmitEvent) => this.onReject(event, account)}>
            <div class="field">
              <label class="field__label" for="${id}-reason">${t('admin.rejectReason')}</label>
              <textarea id="${id}-reason" class="field__input field__input--area" rows="2"></textarea>
            </div>
            <div class="admin-row__actions">
              <button id="${id}-reject-confirm" class="button button--secondary" type="submit" ?disabled=${this.acting}>${t('admin.rejectConfirm')}</button>
              <button class="button button--ghost" type="button" @click=${() => (this.rejecting = null)}>${t('admin.cancel')}</button>
            </div>
          </form>`
        : html`<div class="admin-row__actions">
            <button id="${id}-approve" class="button button--primary" type="button" ?disabled=${this.acting}
              aria-label=${`${t('admin.approve')}: ${account.displayName}`}
              @click=${() => this.act('admin.action.approve', (api) => api.approve(account.id), t('admin.status.approved', { name: account.displayName }))}>
              ${t('admin.approve')}</button>
            <button id="${id}-reject" class="button button--secondary" type="button" ?disabled=${this.acting}
              aria-label=${`${t('admin.reject')}: ${account.displayName}`} @click=${() => this.openReject(account.id)}>${t('admin.reject')}</button>
          </div>`}
    </li>`;
  }

  private async openReject(id: string): Promise<void> {
    this.rejecting = id;
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#admin-signup-${id}-reason`)?.focus();
  }

  private async onReject(event: SubmitEvent, account: Account): Promise<void> {
    event.preventDefault();
    const reason = this.querySelector<HTMLTextAreaElement>(`#admin-signup-${account.id}-reason`)?.value.trim() ?? '';
    const done = await this.act('admin.action.reject', (api) => api.reject(account.id, reason), t('admin.status.rejected', { name: account.displayName }));
    if (done) this.rejecting = null;
  }
}

export function row(label: string, value: unknown) {
  return value === '' || value === nothing ? nothing : html`<div class="profile__row"><dt>${label}</dt><dd>${value}</dd></div>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-admin-signups': AdminSignUps;
  }
}
