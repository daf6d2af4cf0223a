import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { User } from '../../net/protocol';
import { roleLabel } from '../../shared/format';
import { LogoutRequestEvent } from './events';
import { t, tParts } from './messages';
import { LocalizedElement } from '../../shared/localized-element';

/**
 * The signed-in view: whom the session belongs to and a way out. Raises {@link LogoutRequestEvent}.
 * Rendered in light DOM so end-to-end tests can find its ids with plain CSS selectors.
 */
@customElement('yoriai-account-summary')
export class AccountSummary extends LocalizedElement {
  @property({ attribute: false }) user: User | null = null;

  /** A sign-out request is in flight. */
  @property({ type: Boolean }) busy = false;

  /** Moves focus to the welcome heading, so screen readers announce the new page. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>('#welcome-heading')?.focus();
  }

  protected override render() {
    const user = this.user;
    if (!user) return nothing;
    const role = html`<span id="current-user-role">${roleLabel(user.role)}</span>`;
    const organization = html`<span id="current-user-organization">${user.organization.name}</span>`;
    return html`
      <section class="card" aria-labelledby="welcome-heading">
        <h1 id="welcome-heading" class="card__title" tabindex="-1">
          ${tParts('session.welcome', { name: html`<span id="current-user-name">${user.displayName}</span>` })}
        </h1>
        <dl class="profile">
          <div class="profile__row">
            <dt>${t('session.role')}</dt>
            <dd>
              ${user.profession
                ? tParts('session.roleWithProfession', {
                    role,
                    profession: html`<span id="current-user-profession">${user.profession}</span>`,
                  })
                : role}
            </dd>
          </div>
          <div class="profile__row">
            <dt>${t('session.organization')}</dt>
            <dd>
              ${user.organization.prefecture
                ? tParts('session.organizationWithPrefecture', { organization, prefecture: user.organization.prefecture })
                : organization}
            </dd>
          </div>
          <div class="profile__row">
            <dt>${t('session.email')}</dt>
            <dd id="current-user-email">${user.email}</dd>
          </div>
        </dl>
        <button
          id="logout"
          class="button button--secondary"
          type="button"
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${this.onLogout}
        >
          ${t('session.logout')}
        </button>
      </section>
    `;
  }

  private onLogout(): void {
    if (this.busy) return;
    this.dispatchEvent(new LogoutRequestEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-account-summary': AccountSummary;
  }
}
