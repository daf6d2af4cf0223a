import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AccountApi, OrganizationSummary, OutboxMail } from '../../net/account-api';
import { dateTimeLabel } from '../../shared/format';
import { LocalizedElement } from '../../shared/localized-element';
import { organizationKindLabel } from '../signup/account-form';
import './account-list';
import { AdminSection } from './admin-section';
import { has, t } from './messages';
import './signup-requests';

export type AdminTab = 'signups' | 'accounts' | 'organizations' | 'outbox';

/** Each tab's address (its own route, so a section is a link and the back button works). */
const TABS: readonly { tab: AdminTab; href: string }[] = [
  { tab: 'signups', href: '/#/admin' },
  { tab: 'accounts', href: '/#/admin/accounts' },
  { tab: 'organizations', href: '/#/admin/organizations' },
  { tab: 'outbox', href: '/#/admin/outbox' },
];

/** `#/admin…` (admin only): the console's heading, its sections as links, and the section shown. */
@customElement('yoriai-admin-console')
export class AdminConsole extends LocalizedElement {
  @property({ attribute: false }) api?: AccountApi;
  @property() tab: AdminTab = 'signups';
  /** The accounts' state filter a link asked for (`#/admin/accounts?state=disabled`). */
  @property() accountState?: string;

  protected override render() {
    return html`<section class="card card--wide" aria-labelledby="admin-heading">
      <h1 id="admin-heading" class="card__title" tabindex="-1">${t('admin.heading')}</h1>
      <nav aria-label=${t('admin.tabs')}>
        <ul class="admin-tabs">
          ${TABS.map(({ tab, href }) => html`<li><a id="admin-tab-${tab}" href=${href}
            aria-current=${tab === this.tab ? 'page' : 'false'}>${t(`admin.tab.${tab}`)}</a></li>`)}
        </ul>
      </nav>
      ${this.renderTab()}
    </section>`;
  }

  private renderTab() {
    switch (this.tab) {
      case 'signups':
        return html`<yoriai-admin-signups .api=${this.api}></yoriai-admin-signups>`;
      case 'accounts':
        return html`<yoriai-admin-accounts .api=${this.api} .linkedState=${this.accountState}></yoriai-admin-accounts>`;
      case 'organizations':
        return html`<yoriai-admin-organizations .api=${this.api}></yoriai-admin-organizations>`;
      case 'outbox':
        return html`<yoriai-admin-outbox .api=${this.api}></yoriai-admin-outbox>`;
    }
  }
}

/** 組織: the organizations accounts belong to, with how many accounts each. */
@customElement('yoriai-admin-organizations')
export class AdminOrganizations extends AdminSection<OrganizationSummary[]> {
  protected load(api: AccountApi, signal: AbortSignal): Promise<OrganizationSummary[]> {
    return api.organizations(signal);
  }

  protected override render() {
    const organizations = this.list.result;
    return html`<section id="admin-organizations" aria-labelledby="admin-organizations-heading">
      ${this.renderHead('admin-organizations', 'admin.tab.organizations', 'admin.organizations.lead')}
      ${this.renderListState(organizations, 'admin.organizations.none', 'admin-organizations')}
      ${organizations && organizations.length > 0
        ? html`<div class="table-scroll"><table id="admin-organization-table" class="data-table">
            <thead><tr>
              <th scope="col">${t('admin.organizations.prefecture')}</th>
              <th scope="col">${t('admin.organizations.name')}</th>
              <th scope="col">${t('admin.organizations.kind')}</th>
              <th scope="col" class="num">${t('admin.organizations.accounts')}</th>
            </tr></thead>
            <tbody>${organizations.map((o) => html`<tr>
              <td>${o.prefecture}</td><th scope="row">${o.name}</th><td>${organizationKindLabel(o.kind)}</td><td class="num">${o.accounts}</td>
            </tr>`)}</tbody>
          </table></div>`
        : nothing}
    </section>`;
  }
}

/** 送信メール: the outbox, newest first; each mail's text opens in place. */
@customElement('yoriai-admin-outbox')
export class AdminOutbox extends AdminSection<OutboxMail[]> {
  protected load(api: AccountApi, signal: AbortSignal): Promise<OutboxMail[]> {
    return api.outbox(signal);
  }

  protected override render() {
    const mails = this.list.result;
    return html`<section id="admin-outbox" aria-labelledby="admin-outbox-heading">
      ${this.renderHead('admin-outbox', 'admin.tab.outbox', 'admin.outbox.lead')}
      ${this.renderListState(mails, 'admin.outbox.none', 'admin-outbox')}
      <ul id="admin-outbox-list" class="item-list">${(mails ?? []).map((mail) => this.renderMail(mail))}</ul>
    </section>`;
  }

  private renderMail(mail: OutboxMail) {
    const stateKey = `admin.mail.${mail.state}`;
    return html`<li id="admin-mail-${mail.id}" class="item-list__item admin-row admin-mail" data-to=${mail.to}>
      <h3 class="admin-mail__subject">${mail.subject}</h3>
      <dl class="profile">
        <div class="profile__row"><dt>${t('admin.outbox.to')}</dt><dd class="admin-mail__to">${mail.to}</dd></div>
        <div class="profile__row"><dt>${t('admin.outbox.state')}</dt><dd class="admin-mail__state">${has(stateKey) ? t(stateKey) : mail.state}</dd></div>
        <div class="profile__row"><dt>${t('admin.outbox.created')}</dt><dd>${dateTimeLabel(mail.createdAt)}</dd></div>
      </dl>
      ${mail.lastError ? html`<p class="hint">${t('admin.outbox.attempts', { count: mail.attempts })} ${t('admin.outbox.lastError', { error: mail.lastError })}</p>` : nothing}
      <details class="admin-mail__body">
        <summary>${t('admin.outbox.open')}</summary>
        <pre class="mail-text">${mail.text}</pre>
      </details>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-admin-console': AdminConsole;
    'yoriai-admin-organizations': AdminOrganizations;
    'yoriai-admin-outbox': AdminOutbox;
  }
}
