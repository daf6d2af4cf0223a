import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CaseCreatedEvent } from '../features/casefile/events';
import type { ServiceCreatedEvent } from '../features/catalog/events';
import type { LoginRequestEvent } from '../features/login/events';
import '../features/login/login-form';
import type { MeetingCreatedEvent } from '../features/meeting/events';
import type { PreferencesSavedEvent } from '../features/notifications/events';
import type { PasswordResetDoneEvent, SetupDoneEvent } from '../features/signup/events';
import type { NotificationApi } from '../net/notification-api';
import type { Role, User } from '../net/protocol';
import { roleLabel } from '../shared/format';
import { AnnounceEvent } from '../shared/announce';
import type { SearchChangeEvent } from '../shared/search-page';
import { StoreController } from '../shared/store-controller';
import { LocaleChangeEvent, localeStore } from '../state/locale-store';
import { NotificationChangeEvent, NotificationStore } from '../state/notification-store';
import { RouteChangeEvent, type RouterStore, type Route } from '../state/router';
import { SignInChangeEvent, type SignInState, type SignInStore } from '../state/sign-in';
import { defaultServices } from './default-services';
import { type MessageKey, t, translate } from './messages';
import { mayUse, ROUTES, routeEntry, type AppServices, type OpenPage, type RouteEntry, type Shell } from './routes';

export type { AppServices } from './routes';

interface NavItem {
  readonly id: string;
  readonly href: string;
  readonly key: MessageKey;
  readonly section: string;
}

/** The menu: the route table's entries that have one, in its order, each with who may use it. */
const NAV: readonly (NavItem & Pick<RouteEntry<never>, 'access' | 'roles'>)[] = Object.values(ROUTES).flatMap((entry) =>
  entry.nav && entry.section
    ? [{ id: `nav-${entry.section}`, href: entry.real ? (entry.path ?? '/') : `/#${entry.path}`, key: entry.nav, section: entry.section, access: entry.access, roles: entry.roles }]
    : [],
);

const LOGIN_NAV: NavItem = { id: 'nav-login', href: '/#/', key: 'nav.login', section: 'home' };

/** What the polite status region says after a sign-in transition. */
const STATUS_AFTER: Partial<Record<SignInState['status'], MessageKey>> = {
  'signing-in': 'status.signingIn',
  'signing-out': 'status.signingOut',
};

/**
 * The app shell: header with the product name and the language toggle, the menu, and the page
 * of the current route (see the route table in `routes.ts`) for the current sign-in state. It
 * turns the features' typed events into store calls and never changes state itself. Rendered in
 * light DOM (see STYLE/README: stable ids for browser tests, CSP-safe CSS).
 */
@customElement('yoriai-app')
export class YoriaiApp extends LitElement implements Shell {
  @property({ attribute: false }) signIn?: SignInStore;
  @property({ attribute: false }) services?: AppServices;

  /** The last announcement for the aria-live region, kept as a key so it follows the locale. */
  @state() private statusKey: MessageKey | null = null;
  /** A page's own announcement (AnnounceEvent), already in the current language; said when there is no statusKey. */
  @state() private statusText: string | null = null;
  /** What the login form says above itself: a password was just set through a reset link. */
  @state() private loginNotice: 'password-set' | null = null;

  private subscribed?: SignInStore;
  private focusAfterRender: 'login' | 'welcome' | 'page' | null = null;
  private routerSubscribed?: RouterStore;
  /** What the current route opened (see `RouteEntry.enter`), and the route it serves. */
  private open: { readonly page: OpenPage; route: Route } | null = null;
  /** Set while a search page's own query change is on its way through the address. */
  private searchPage: 'archive' | 'catalog' | null = null;
  /** The notifications of the services' API, made when the services are; the header shows their unread count. */
  notices?: NotificationStore;
  private noticesApi?: NotificationApi;

  constructor() {
    super();
    new StoreController(this, localeStore, LocaleChangeEvent.type);
    this.addEventListener(AnnounceEvent.type, (event) => this.announce(event.text));
  }

  private announce(text: string): void {
    this.statusKey = null;
    this.statusText = text;
  }

  get user(): User | null {
    return this.signIn?.state.status === 'signed-in' ? this.signIn.user : null;
  }

  readonly token = (): string | null => this.signIn?.token ?? null;

  opened<T>(kind: abstract new (...args: never[]) => T): T | undefined {
    const page = this.open?.page.page;
    return page instanceof kind ? page : undefined;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.services && this.signIn) this.services = defaultServices(this.signIn);
    this.subscribe(this.signIn);
    this.subscribeRouter(this.services?.router);
    this.syncNotices();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscribe(undefined);
    this.subscribeRouter(undefined);
    this.syncNotices();
    this.syncOpenPage(null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('signIn')) {
      if (!this.services && this.signIn) this.services = defaultServices(this.signIn);
      this.subscribe(this.signIn);
    }
    if (changed.has('services')) {
      this.subscribeRouter(this.services?.router);
      this.syncNotices();
    }
    this.syncOpenPage(this.signIn?.state.status === 'signed-in' ? (this.services?.router.route ?? null) : null);
  }

  /** Opens and closes what the pages keep open, so each lives exactly as long as its route. */
  private syncOpenPage(route: Route | null): void {
    const open = this.open;
    if (open && route && open.page.stays(open.route, route)) {
      open.route = route;
      return;
    }
    open?.page.close();
    this.open = null;
    const usable = route !== null && mayUse(routeEntry(route), this.user);
    const page = route && usable && this.services ? routeEntry(route).enter?.(route, this, this.services) : null;
    if (page && route) this.open = { page, route };
  }

  /** One store per notifications API, listened to while connected; a new one asks for its count if signed in. */
  private syncNotices(): void {
    const api = this.isConnected ? this.services?.notifications : undefined;
    if (api === this.noticesApi) return;
    this.notices?.removeEventListener(NotificationChangeEvent.type, this.onNoticesChange);
    this.noticesApi = api;
    this.notices = api ? new NotificationStore(api) : undefined;
    this.notices?.addEventListener(NotificationChangeEvent.type, this.onNoticesChange);
    if (this.user) void this.notices?.refreshUnread();
  }

  private readonly onNoticesChange = (): void => this.requestUpdate();

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
          <div class="app-header__tools">
            ${this.renderNoticesLink()}
            <button id="lang-toggle" class="button button--ghost" type="button" lang=${other}
              title=${t('lang.switchLabel')} @click=${this.onToggleLocale}>
              ${translate(other, 'lang.name')}
            </button>
          </div>
        </div>
      </header>
      ${this.renderNav()}
      <main id="main" class="app-main ${this.wide() ? 'app-main--wide' : ''}">${this.renderPage()}</main>
      <p id="app-status" class="visually-hidden" role="status" aria-live="polite">
        ${this.statusKey ? t(this.statusKey) : (this.statusText ?? '')}
      </p>
    `;
  }

  /** お知らせ with the unread count, for a signed-in user; the count is in its accessible name too. */
  private renderNoticesLink() {
    if (!this.user) return nothing;
    const unread = this.notices?.unread ?? 0;
    const current = this.services?.router.route.name === 'notifications';
    return html`<a id="notifications-link" class="button button--ghost notices-link" href="/#/notifications"
      aria-label=${unread > 0 ? t('notices.linkUnread', { count: unread }) : t('notices.link')}
      aria-current=${current ? 'page' : 'false'}>
      ${t('notices.link')}
      ${unread > 0 ? html`<span id="notifications-unread" class="notices-link__count" aria-hidden="true">${unread}</span>` : nothing}
    </a>`;
  }

  private renderPage() {
    const state = this.signIn?.state;
    const route = this.services?.router.route;
    if (route && routeEntry(route).access === 'public') return routeEntry(route).render(route, this);
    if (!state) return html``;
    switch (state.status) {
      case 'restoring':
        return html`<p class="card card--quiet" aria-busy="true">${t('session.restoring')}</p>`;
      case 'signed-out':
      case 'signing-in': {
        const login = html`<yoriai-login-form ?busy=${state.status === 'signing-in'} .notice=${this.loginNotice}
          .error=${state.status === 'signed-out' ? (state.error ?? null) : null}
          @login-request=${this.onLoginRequest}></yoriai-login-form>`;
        const shown = route ?? { name: 'home' };
        return routeEntry(shown).renderSignedOut?.(shown, this, login) ?? login;
      }
      case 'signed-in': {
        const shown = route ?? { name: 'home' };
        const entry = routeEntry(shown);
        return mayUse(entry, this.user) ? entry.render(shown, this) : this.renderNotForRole(entry.roles ?? []);
      }
      case 'signing-out':
        return html`<yoriai-account-summary .user=${state.user} ?busy=${true}
          @logout-request=${this.onLogoutRequest}></yoriai-account-summary>`;
    }
  }

  /** An honest page for a route this role cannot use: whose it is, and the way home. */
  private renderNotForRole(roles: readonly Role[]) {
    return html`<section id="not-for-role" class="card" aria-labelledby="not-for-role-heading">
      <h1 id="not-for-role-heading" class="card__title" tabindex="-1">
        ${t('page.notForRole', { roles: roles.map(roleLabel).join(t('page.roleSeparator')) })}</h1>
      <p>${t('page.notForRoleLead', { role: roleLabel(this.user?.role ?? '') })}</p>
      <p><a id="not-for-role-home" href="/#/">${t('page.backHome')}</a></p>
    </section>`;
  }

  private wide(): boolean {
    const route = this.services?.router.route ?? { name: 'home' };
    const entry = routeEntry(route);
    if (entry.access === 'public') return true;
    const status = this.signIn?.state.status;
    if (status === 'signed-in') return mayUse(entry, this.user);
    return (status === 'signed-out' || status === 'signing-in') && entry.renderSignedOut !== undefined;
  }

  private renderNav() {
    const current = routeEntry(this.services?.router.route ?? { name: 'home' }).section;
    const state = this.signIn?.state;
    const status = state?.status;
    const menuUser = state?.status === 'signed-in' || state?.status === 'signing-out' ? state.user : null;
    const publicNav = NAV.filter((item) => item.access === 'public');
    const items: readonly NavItem[] = menuUser
      ? NAV.filter((item) => mayUse(item, menuUser))
      : status === 'restoring' ? publicNav : [...publicNav, LOGIN_NAV];
    return html`<nav class="app-nav" aria-label=${t('nav.label')}>
      <ul class="app-nav__list">
        ${items.map(
          (item) => html`<li>
            <a id=${item.id} class="app-nav__link" href=${item.href}
              aria-current=${current === item.section ? 'page' : 'false'}>${t(item.key)}</a>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  private subscribeRouter(router: RouterStore | undefined): void {
    const next = this.isConnected ? router : undefined;
    if (next === this.routerSubscribed) return;
    this.routerSubscribed?.removeEventListener(RouteChangeEvent.type, this.onRouteChange);
    this.routerSubscribed = next;
    next?.addEventListener(RouteChangeEvent.type, this.onRouteChange);
  }

  private readonly onRouteChange = (): void => {
    // A new search on the same page (facet, next page) keeps the focus where the user is.
    const sameSearchPage = this.searchPage !== null && this.services?.router.route.name === this.searchPage;
    this.searchPage = null;
    if (!sameSearchPage) this.focusAfterRender = 'page';
    // the unread count is polled on navigation: no socket frame carries it
    if (this.user) void this.notices?.refreshUnread();
    this.requestUpdate();
  };

  readonly onPreferencesSaved = (_event: PreferencesSavedEvent): void => {
    this.statusKey = 'status.preferencesSaved';
  };

  readonly onSearchChange = (event: SearchChangeEvent): void => {
    this.searchPage = event.page;
    this.services?.router.navigate({ name: event.page, params: event.params });
  };

  readonly onServiceCreated = (event: ServiceCreatedEvent): void => {
    this.services?.router.navigate({ name: 'catalog-service', id: event.serviceId });
  };

  readonly onCaseCreated = (event: CaseCreatedEvent): void => {
    const router = this.services?.router;
    if (router?.route.name === 'case-new') router.replace({ name: 'case', id: event.caseId });
    // imported from Excel on the case list: open the new draft
    else if (router?.route.name === 'cases') router.navigate({ name: 'case', id: event.caseId });
  };

  readonly onMeetingCreated = (event: MeetingCreatedEvent): void => {
    this.services?.router.navigate({ name: 'meeting', id: event.meetingId });
  };

  protected override updated(): void {
    const target = this.focusAfterRender;
    this.focusAfterRender = null;
    if (target === 'page') this.querySelector<HTMLElement>('#main h1')?.focus();
    if (target === 'login') void this.focusLoginForm();
    if (target === 'welcome') void this.querySelector('yoriai-account-summary')?.focusHeading();
  }

  /** The form may sit inside the public home page, which renders it on its own update. */
  private async focusLoginForm(): Promise<void> {
    await this.querySelector('yoriai-public-home')?.updateComplete;
    await this.querySelector('yoriai-login-form')?.focusEmail();
  }

  private subscribe(signIn: SignInStore | undefined): void {
    const next = this.isConnected ? signIn : undefined;
    if (next === this.subscribed) return;
    this.subscribed?.removeEventListener(SignInChangeEvent.type, this.onSignInChange);
    this.subscribed = next;
    next?.addEventListener(SignInChangeEvent.type, this.onSignInChange);
  }

  private readonly onSignInChange = (event: SignInChangeEvent): void => {
    const { state, previous } = event;
    if (state.status !== 'signed-out') this.loginNotice = null;
    this.statusText = null;
    if (state.status === 'signed-in' && previous.status === 'signing-in') {
      this.statusKey = 'status.signedIn';
      this.focusAfterRender = 'welcome';
    } else if (state.status === 'signed-out' && previous.status === 'signing-out') {
      this.statusKey = 'status.signedOut';
      this.focusAfterRender = 'login';
    } else {
      this.statusKey = STATUS_AFTER[state.status] ?? null;
    }
    if (state.status === 'signed-in') void this.notices?.refreshUnread();
    if (state.status === 'signed-out') this.notices?.clear();
    this.requestUpdate();
  };

  private onToggleLocale(): void {
    localeStore.toggle();
    this.statusKey = 'status.localeChanged';
  }

  // An arrow: the form may be rendered inside the public home page, whose element Lit binds listeners to.
  private readonly onLoginRequest = (event: LoginRequestEvent): void => {
    void this.signIn?.login(event.email, event.password);
  };

  readonly onSetupDone = (event: SetupDoneEvent): void => {
    this.signIn?.adopt(event.response);
    this.services?.router.navigate({ name: 'admin' });
  };

  readonly onPasswordResetDone = (_event: PasswordResetDoneEvent): void => {
    this.loginNotice = 'password-set';
    this.services?.router.navigate({ name: 'home' });
    if (this.signIn?.state.status === 'signed-in') void this.signIn.logout();
    else this.focusAfterRender = 'login';
  };

  readonly onLogoutRequest = (): void => {
    void this.signIn?.logout();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'yoriai-app': YoriaiApp;
  }
}
