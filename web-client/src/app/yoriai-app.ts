import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../features/login/account-summary';
import type { LoginRequestEvent } from '../features/login/events';
import '../features/login/login-form';
import { dictionaries, LocaleChangeEvent, localeStore, type MessageKey, t } from '../shared/i18n';
import { StoreController } from '../shared/store-controller';
import { SessionChangeEvent, type SessionState, type SessionStore } from '../state/session';

/** What the polite status region says after a session transition. */
const STATUS_AFTER: Partial<Record<SessionState['status'], MessageKey>> = {
  'signing-in': 'status.signingIn',
  'signing-out': 'status.signingOut',
};

/**
 * The app shell: header with the product name and the language toggle, and the page for the
 * current session state. It turns the features' typed events into store calls and never changes
 * state itself. Rendered in light DOM (see STYLE/README: stable ids for browser tests, CSP-safe CSS).
 */
@customElement('yoriai-app')
export class YoriaiApp extends LitElement {
  @property({ attribute: false }) session?: SessionStore;

  /** The last announcement for the aria-live region, kept as a key so it follows the locale. */
  @state() private statusKey: MessageKey | null = null;

  private subscribed?: SessionStore;
  private focusAfterRender: 'login' | 'welcome' | null = null;

  constructor() {
    super();
    new StoreController(this, localeStore, LocaleChangeEvent.type);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe(this.session);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscribe(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.subscribe(this.session);
  }

  protected override render() {
    const other = localeStore.other;
    return html`
      <header class="app-header">
        <div class="app-header__inner">
          <p class="brand">
            <span class="brand__name" lang="ja">寄り合い</span>
            <span class="brand__latin" lang="en">Yoriai</span>
            <span class="brand__tagline">${t('app.tagline')}</span>
          </p>
          <button
            id="lang-toggle"
            class="button button--ghost"
            type="button"
            lang=${other}
            title=${t('lang.switchLabel')}
            @click=${this.onToggleLocale}
          >
            ${dictionaries[other]['lang.name']}
          </button>
        </div>
      </header>
      <main id="main" class="app-main">${this.renderPage()}</main>
      <p id="app-status" class="visually-hidden" role="status" aria-live="polite">
        ${this.statusKey ? t(this.statusKey) : ''}
      </p>
    `;
  }

  private renderPage() {
    const state = this.session?.state;
    if (!state) return html``;
    switch (state.status) {
      case 'restoring':
        return html`<p class="card card--quiet" aria-busy="true">${t('session.restoring')}</p>`;
      case 'signed-out':
      case 'signing-in':
        return html`<yoriai-login-form
          ?busy=${state.status === 'signing-in'}
          .error=${state.status === 'signed-out' ? (state.error ?? null) : null}
          @login-request=${this.onLoginRequest}
        ></yoriai-login-form>`;
      case 'signed-in':
      case 'signing-out':
        return html`<yoriai-account-summary
          .user=${state.user}
          ?busy=${state.status === 'signing-out'}
          @logout-request=${this.onLogoutRequest}
        ></yoriai-account-summary>`;
    }
  }

  protected override updated(): void {
    const target = this.focusAfterRender;
    this.focusAfterRender = null;
    if (target === 'login') void this.querySelector('yoriai-login-form')?.focusEmail();
    if (target === 'welcome') void this.querySelector('yoriai-account-summary')?.focusHeading();
  }

  private subscribe(session: SessionStore | undefined): void {
    const next = this.isConnected ? session : undefined;
    if (next === this.subscribed) return;
    this.subscribed?.removeEventListener(SessionChangeEvent.type, this.onSessionChange);
    this.subscribed = next;
    next?.addEventListener(SessionChangeEvent.type, this.onSessionChange);
  }

  private readonly onSessionChange = (event: SessionChangeEvent): void => {
    const { state, previous } = event;
    if (state.status === 'signed-in' && previous.status === 'signing-in') {
      this.statusKey = 'status.signedIn';
      this.focusAfterRender = 'welcome';
    } else if (state.status === 'signed-out' && previous.status === 'signing-out') {
      this.statusKey = 'status.signedOut';
      this.focusAfterRender = 'login';
    } else {
      this.statusKey = STATUS_AFTER[state.status] ?? null;
    }
    this.requestUpdate();
  };

  private onToggleLocale(): void {
    localeStore.toggle();
    this.statusKey = 'status.localeChanged';
  }

  private onLoginRequest(event: LoginRequestEvent): void {
    void this.session?.login(event.email, event.password);
  }

  private onLogoutRequest(): void {
    void this.session?.logout();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-app': YoriaiApp;
  }
}
