import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ACCOUNT_STATES, PROFESSIONS, ROLES, type Account, type AccountApi, type AccountChange, type AccountState } from '../../net/account-api';
import type { Role } from '../../net/protocol';
import { dateTimeLabel, roleLabel } from '../../shared/format';
import { organizationKindLabel } from '../signup/account-form';
import { AdminSection } from './admin-section';
import './account-new';
import { t } from './messages';
import { row } from './signup-requests';

/**
 * アカウント: every account, filtered by state; create one (`<yoriai-admin-account-new>`), edit its
 * name, role and profession, disable it (after a confirmation: its sessions end) or enable it again,
 * and mail a fresh invitation.
 */
@customElement('yoriai-admin-accounts')
export class AdminAccounts extends AdminSection<Account[]> {
  /** The state filter the page's link names, if any; the select changes it from there. */
  @property() linkedState?: string;
  @state() private filter: AccountState | null = null;
  /** The account being edited, or whose disabling waits for confirmation. */
  @state() private editing: string | null = null;
  @state() private confirmingDisable: string | null = null;
  @state() private editRole: Role | null = null;

  protected load(api: AccountApi, signal: AbortSignal): Promise<Account[]> {
    return api.accounts(this.filter, signal);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('linkedState')) this.filter = ACCOUNT_STATES.find((s) => s === this.linkedState) ?? null;
    super.willUpdate(changed);
  }

  protected override listKey(): string {
    return this.filter ?? 'all';
  }

  protected override render() {
    const accounts = this.list.result;
    return html`<section id="admin-accounts" aria-labelledby="admin-accounts-heading">
      ${this.renderHead('admin-accounts', 'admin.tab.accounts', 'admin.accounts.lead')}
      <details id="admin-account-new-panel" class="fieldset">
        <summary id="admin-account-new-open">${t('admin.accounts.new')}</summary>
        <yoriai-admin-account-new .api=${this.api} @account-created=${() => this.reload()}></yoriai-admin-account-new>
      </details>
      <div class="field">
        <label class="field__label" for="admin-accounts-filter">${t('admin.accounts.filter')}</label>
        <select id="admin-accounts-filter" class="field__input" @change=${this.onFilter}>
          <option value="" ?selected=${this.filter === null}>${t('admin.accounts.all')}</option>
          ${ACCOUNT_STATES.map((s) => html`<option value=${s} ?selected=${this.filter === s}>${t(`admin.state.${s}`)}</option>`)}
        </select>
      </div>
      ${this.renderFailure('admin-accounts')}
      ${this.renderListState(accounts, 'admin.accounts.none', 'admin-accounts')}
      <ul id="admin-account-list" class="item-list">${(accounts ?? []).map((account) => this.renderAccount(account))}</ul>
    </section>`;
  }

  private onFilter(event: Event): void {
    const value = (event.currentTarget as HTMLSelectElement).value;
    this.filter = ACCOUNT_STATES.find((s) => s === value) ?? null;
  }

  private renderAccount(account: Account) {
    const id = `admin-account-${account.id}`;
    const name = account.displayName;
    return html`<li id=${id} class="item-list__item admin-row" data-email=${account.email}>
      <h3>${name} <span id="${id}-state" class="badge">${t(`admin.state.${account.state}`)}</span></h3>
      <dl class="profile">
        ${row(t('admin.accounts.email'), account.email)}
        ${row(t('admin.accounts.role'), account.profession ? `${roleLabel(account.role)}（${account.profession}）` : roleLabel(account.role))}
        ${row(t('admin.accounts.organization'),
          `${account.organization.name}（${organizationKindLabel(account.organization.kind)}・${account.organization.prefecture}）`)}
        ${row(t('admin.accounts.created'), dateTimeLabel(account.createdAt))}
      </dl>
      ${this.editing === account.id ? this.renderEdit(account) : this.renderActions(account)}
    </li>`;
  }

  private renderActions(account: Account) {
    const id = `admin-account-${account.id}`;
    const name = account.displayName;
    if (this.confirmingDisable === account.id) {
      return html`<div class="admin-row__actions" role="group" aria-labelledby="${id}-disable-question">
        <p id="${id}-disable-question" class="notice notice--error">${t('admin.disableConfirm', { name })}</p>
        <button id="${id}-disable-confirm" class="button button--secondary" type="button" ?disabled=${this.acting}
          @click=${() => this.disable(account)}>${t('admin.disableYes')}</button>
        <button id="${id}-disable-cancel" class="button button--ghost" type="button" @click=${() => (this.confirmingDisable = null)}>${t('admin.cancel')}</button>
      </div>`;
    }
    const label = (key: 'admin.edit' | 'admin.disable' | 'admin.enable' | 'admin.resend') => `${t(key)}: ${name}`;
    return html`<div class="admin-row__actions">
      <button id="${id}-edit" class="button button--secondary button--small" type="button" aria-label=${label('admin.edit')}
        @click=${() => this.openEdit(account)}>${t('admin.edit')}</button>
      ${account.state === 'active'
        ? html`<button id="${id}-disable" class="button button--secondary button--small" type="button" aria-label=${label('admin.disable')}
              @click=${() => this.confirmDisable(account.id)}>${t('admin.disable')}</button>
            <button id="${id}-resend" class="button button--ghost button--small" type="button" ?disabled=${this.acting}
              aria-label=${label('admin.resend')}
              @click=${() => this.act('admin.action.resend', (api) => api.resendInvitation(account.id), t('admin.status.resent', { name }))}>
              ${t('admin.resend')}</button>`
        : nothing}
      ${account.state === 'disabled'
        ? html`<button id="${id}-enable" class="button button--secondary button--small" type="button" ?disabled=${this.acting}
            aria-label=${label('admin.enable')}
            @click=${() => this.act('admin.action.enable', (api) => api.enable(account.id), t('admin.status.enabled', { name }))}>
            ${t('admin.enable')}</button>`
        : nothing}
    </div>`;
  }

  private renderEdit(account: Account) {
    const id = `admin-account-${account.id}`;
    const role = this.editRole ?? account.role;
    return html`<form id="${id}-form" class="form" aria-labelledby="${id}-edit-heading" @submit=${(e: SubmitEvent) => this.onSave(e, account)}>
      <h4 id="${id}-edit-heading" class="visually-hidden">${t('admin.edit.heading', { name: account.displayName })}</h4>
      <div class="field">
        <label class="field__label" for="${id}-displayName">${t('form.displayName')}</label>
        <input id="${id}-displayName" class="field__input" .value=${account.displayName} required aria-required="true" />
      </div>
      <div class="field">
        <label class="field__label" for="${id}-role">${t('admin.accounts.role')}</label>
        <select id="${id}-role" class="field__input" @change=${(e: Event) => (this.editRole = (e.currentTarget as HTMLSelectElement).value as Role)}>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${r === role}>${roleLabel(r)}</option>`)}
        </select>
      </div>
      ${role === 'professional'
        ? html`<div class="field">
            <label class="field__label" for="${id}-profession">${t('form.profession')}</label>
            <select id="${id}-profession" class="field__input">
              ${PROFESSIONS.map((p) => html`<option value=${p} ?selected=${p === account.profession}>${p}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="admin-row__actions">
        <button id="${id}-save" class="button button--primary button--small" type="submit" ?disabled=${this.acting}>${t('admin.save')}</button>
        <button id="${id}-edit-cancel" class="button button--ghost button--small" type="button" @click=${() => this.closeEdit()}>${t('admin.cancel')}</button>
      </div>
    </form>`;
  }

  private async openEdit(account: Account): Promise<void> {
    this.editing = account.id;
    this.editRole = account.role;
    this.confirmingDisable = null;
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#admin-account-${account.id}-displayName`)?.focus();
  }

  private closeEdit(): void {
    this.editing = null;
    this.editRole = null;
  }

  private async confirmDisable(id: string): Promise<void> {
    this.confirmingDisable = id;
    await this.updateComplete;
    this.querySelector<HTMLElement>(`#admin-account-${id}-disable-cancel`)?.focus();
  }

  private async disable(account: Account): Promise<void> {
    const done = await this.act('admin.action.disable', (api) => api.disable(account.id), t('admin.status.disabled', { name: account.displayName }));
    if (done) this.confirmingDisable = null;
  }

  private async onSave(event: SubmitEvent, account: Account): Promise<void> {
    event.preventDefault();
    const id = `admin-account-${account.id}`;
    const read = (field: string) => this.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}-${field}`)?.value.trim() ?? '';
    const change: AccountChange = {};
    const displayName = read('displayName');
    const role = read('role') as Role;
    if (displayName !== account.displayName) change.displayName = displayName;
    if (role !== account.role) change.role = role;
    if (role === 'professional' && read('profession') !== account.profession) change.profession = read('profession');
    const name = displayName || account.displayName;
    if (await this.act('admin.action.save', (api) => api.update(account.id, change), t('admin.status.saved', { name }))) this.closeEdit();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-admin-accounts': AdminAccounts;
  }
}
