import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../features/archive/archive-entry';
import '../features/archive/archive-search';
import { SearchChangeEvent } from '../features/archive/events';
import '../features/casefile/case-editor';
import '../features/casefile/case-list';
import { CaseCreatedEvent } from '../features/casefile/events';
import '../features/login/account-summary';
import type { LoginRequestEvent } from '../features/login/events';
import '../features/login/login-form';
import { LocaleChangeEvent, localeStore } from '../state/locale-store';
import { type MessageKey, t, translate } from './messages';
import { StoreController } from '../shared/store-controller';
import '../features/catalog/catalog-search';
import '../features/catalog/catalog-service';
import { ServiceCreatedEvent } from '../features/catalog/events';
import '../features/catalog/service-form';
import '../features/insight/insight-page';
import '../features/meeting/meeting-create';
import '../features/meeting/meeting-list';
import '../features/meeting/meeting-room';
import { MeetingCreatedEvent } from '../features/meeting/events';
import { ArchiveApi } from '../net/archive-api';
import { CaseApi } from '../net/case-api';
import { CatalogApi } from '../net/catalog-api';
import { InsightApi } from '../net/insight-api';
import { HttpClient } from '../net/http';
import { MeetingApi } from '../net/meeting-api';
import { browserSocketFactory, meetingSocketUrl, type SocketFactory } from '../net/socket';
import { CaseEditorStore } from '../state/case-editor-store';
import { MeetingSession } from '../state/meeting-session';
import { isPublicRoute, RouteChangeEvent, RouterStore, type Route } from '../state/router';
import { SessionChangeEvent, type SessionState, type SessionStore } from '../state/session';

/** What the signed-in pages need besides the session; main.ts builds it, tests pass fakes. */
export interface AppServices {
  router: RouterStore;
  cases: CaseApi;
  meetings: MeetingApi;
  archive: ArchiveApi;
  catalog: CatalogApi;
  insights: InsightApi;
  socketFactory: SocketFactory;
  socketUrl: string;
}

export function defaultServices(): AppServices {
  const http = new HttpClient();
  return {
    router: new RouterStore(window),
    cases: new CaseApi(http),
    meetings: new MeetingApi(http),
    archive: new ArchiveApi(http),
    catalog: new CatalogApi(http),
    insights: new InsightApi(http),
    socketFactory: browserSocketFactory,
    socketUrl: meetingSocketUrl(window.location),
  };
}

interface NavItem {
  readonly id: string;
  readonly href: string;
  readonly key: MessageKey;
  readonly section: string;
}

/** Signed-in sections. */
const NAV: readonly NavItem[] = [
  { id: 'nav-home', href: '#/', key: 'nav.home', section: 'home' },
  { id: 'nav-cases', href: '#/cases', key: 'nav.cases', section: 'cases' },
  { id: 'nav-meetings', href: '#/meetings', key: 'nav.meetings', section: 'meetings' },
];

/** Public sections (§2: anyone may read the archive, catalog and insights), shown to everyone. */
const PUBLIC_NAV: readonly NavItem[] = [
  { id: 'nav-archive', href: '#/archive', key: 'nav.archive', section: 'archive' },
  { id: 'nav-catalog', href: '#/catalog', key: 'nav.catalog', section: 'catalog' },
  { id: 'nav-insight', href: '#/insight', key: 'nav.insight', section: 'insight' },
];

const LOGIN_NAV: NavItem = { id: 'nav-login', href: '#/', key: 'nav.login', section: 'home' };

function sectionOf(route: Route): string {
  if (route.name.startsWith('archive')) return 'archive';
  if (route.name.startsWith('catalog')) return 'catalog';
  if (route.name.startsWith('case')) return 'cases';
  if (route.name.startsWith('meeting')) return 'meetings';
  return route.name;
}

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
  @property({ attribute: false }) services?: AppServices;

  /** The last announcement for the aria-live region, kept as a key so it follows the locale. */
  @state() private statusKey: MessageKey | null = null;

  private subscribed?: SessionStore;
  private focusAfterRender: 'login' | 'welcome' | 'page' | null = null;
  private routerSubscribed?: RouterStore;
  /** The open case editor and the open meeting room, kept while their route stays. */
  private editor: CaseEditorStore | null = null;
  private editorKey: string | null = null;
  private meeting: MeetingSession | null = null;

  constructor() {
    super();
    new StoreController(this, localeStore, LocaleChangeEvent.type);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.services ??= defaultServices();
    this.subscribe(this.session);
    this.subscribeRouter(this.services.router);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.subscribe(undefined);
    this.subscribeRouter(undefined);
    this.syncPages(null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) this.subscribe(this.session);
    if (changed.has('services')) this.subscribeRouter(this.services?.router);
    this.syncPages(this.session?.state.status === 'signed-in' ? (this.services?.router.route ?? null) : null);
  }

  /** Opens or closes the per-page stores so they live exactly as long as their route. */
  private syncPages(route: Route | null): void {
    const services = this.services;
    const token = (): string | null => this.session?.token ?? null;
    let editorKey: string | null = null;
    if (route?.name === 'case-new') editorKey = 'new';
    if (route?.name === 'case') editorKey = `case:${route.id}`;
    // A new case that just got its id keeps its editor when the address becomes #/cases/{id}.
    if (this.editorKey === 'new' && route?.name === 'case' && this.editor?.id === route.id) this.editorKey = editorKey;
    if (editorKey !== this.editorKey) {
      this.editor?.dispose();
      this.editor = null;
      this.editorKey = editorKey;
      if (editorKey !== null && services) {
        this.editor = new CaseEditorStore(services.cases, token);
        if (route?.name === 'case') void this.editor.load(route.id);
      }
    }
    const meetingId = route?.name === 'meeting' ? route.id : null;
    const inviteCode = route?.name === 'meeting' ? route.inviteCode : undefined;
    // A new invitation code for the same meeting (the bare link was refused) joins again with it.
    if (this.meeting && (this.meeting.meetingId !== meetingId || this.meeting.inviteCode !== inviteCode)) {
      this.meeting.stop();
      this.meeting = null;
    }
    const user = this.session?.user;
    if (meetingId !== null && !this.meeting && services && user && route?.name === 'meeting') {
      this.meeting = new MeetingSession({
        meetingId,
        me: user,
        token,
        api: services.meetings,
        factory: services.socketFactory,
        url: services.socketUrl,
        inviteCode,
      });
      void this.meeting.start();
    }
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
            ${translate(other, 'lang.name')}
          </button>
        </div>
      </header>
      ${this.renderNav()}
      <main id="main" class="app-main ${this.wide() ? 'app-main--wide' : ''}">${this.renderPage()}</main>
      <p id="app-status" class="visually-hidden" role="status" aria-live="polite">
        ${this.statusKey ? t(this.statusKey) : ''}
      </p>
    `;
  }

  private renderPage() {
    const state = this.session?.state;
    const route = this.services?.router.route;
    if (route && isPublicRoute(route)) return this.renderPublic(route);
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
        return this.renderRoute(state.user.role);
      case 'signing-out':
        return html`<yoriai-account-summary
          .user=${state.user}
          ?busy=${state.status === 'signing-out'}
          @logout-request=${this.onLogoutRequest}
        ></yoriai-account-summary>`;
    }
  }

  private wide(): boolean {
    const route = this.services?.router.route;
    if (route && isPublicRoute(route)) return true;
    return this.session?.state.status === 'signed-in' && route !== undefined && route.name !== 'home';
  }

  private renderNav() {
    const current = sectionOf(this.services?.router.route ?? { name: 'home' });
    const status = this.session?.state.status;
    const signedIn = status === 'signed-in' || status === 'signing-out';
    const items = signedIn ? [...NAV, ...PUBLIC_NAV] : status === 'restoring' ? PUBLIC_NAV : [...PUBLIC_NAV, LOGIN_NAV];
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

  private renderRoute(role: string) {
    const route = this.services?.router.route ?? { name: 'home' as const };
    const token = this.session?.token ?? null;
    switch (route.name) {
      case 'home':
        return html`<yoriai-account-summary
          .user=${this.session?.user ?? null}
          @logout-request=${this.onLogoutRequest}
        ></yoriai-account-summary>`;
      case 'cases':
        return html`<yoriai-case-list .api=${this.services?.cases} .token=${token}></yoriai-case-list>`;
      case 'case-new':
      case 'case':
        return html`<yoriai-case-editor .store=${this.editor ?? undefined} @case-created=${this.onCaseCreated}></yoriai-case-editor>`;
      case 'meetings':
        return html`<yoriai-meeting-list .api=${this.services?.meetings} .token=${token}
          .canCreate=${role === 'municipality' || role === 'admin'}></yoriai-meeting-list>`;
      case 'meeting-new':
        return html`<yoriai-meeting-create .meetings=${this.services?.meetings} .cases=${this.services?.cases}
          .token=${token} .canCreate=${role === 'municipality' || role === 'admin'}
          @meeting-created=${this.onMeetingCreated}></yoriai-meeting-create>`;
      case 'meeting':
        return html`<yoriai-meeting-room .session=${this.meeting ?? undefined}></yoriai-meeting-room>`;
      case 'catalog-new':
        return html`<yoriai-service-form .api=${this.services?.catalog} .token=${token} .canRegister=${role === 'company'}
          @service-created=${this.onServiceCreated}></yoriai-service-form>`;
      case 'not-found':
        return html`<section class="card"><h1 class="card__title" tabindex="-1">${t('page.notFound')}</h1></section>`;
      default:
        return this.renderPublic(route);
    }
  }

  /** The public pages: the same for everyone, with extras for a signed-in company user. */
  private renderPublic(route: Route) {
    const services = this.services;
    const user = this.session?.state.status === 'signed-in' ? this.session.user : null;
    switch (route.name) {
      case 'archive':
        return html`<yoriai-archive-search .api=${services?.archive} .params=${route.params}
          @search-change=${this.onSearchChange}></yoriai-archive-search>`;
      case 'archive-entry':
        return html`<yoriai-archive-entry .api=${services?.archive} .entryId=${route.id}
          .token=${user?.role === 'municipality' || user?.role === 'admin' ? (this.session?.token ?? null) : null}></yoriai-archive-entry>`;
      case 'catalog':
        return html`<yoriai-catalog-search .api=${services?.catalog} .params=${route.params} .canRegister=${user?.role === 'company'}
          @search-change=${this.onSearchChange}></yoriai-catalog-search>`;
      case 'catalog-service':
        return html`<yoriai-catalog-service .api=${services?.catalog} .serviceId=${route.id}></yoriai-catalog-service>`;
      case 'insight':
        return html`<yoriai-insight-page .api=${services?.insights} .user=${user}></yoriai-insight-page>`;
      default:
        return nothing;
    }
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
    this.requestUpdate();
  };

  /** Set while a search page's own query change is on its way through the hash. */
  private searchPage: 'archive' | 'catalog' | null = null;

  private onSearchChange(event: SearchChangeEvent): void {
    this.searchPage = event.page;
    this.services?.router.navigate({ name: event.page, params: event.params });
  }

  private onServiceCreated(event: ServiceCreatedEvent): void {
    this.services?.router.navigate({ name: 'catalog-service', id: event.serviceId });
  }

  private onCaseCreated(event: CaseCreatedEvent): void {
    const route = this.services?.router.route;
    if (route?.name === 'case-new') this.services?.router.replace({ name: 'case', id: event.caseId });
  }

  private onMeetingCreated(event: MeetingCreatedEvent): void {
    this.services?.router.navigate({ name: 'meeting', id: event.meetingId });
  }

  protected override updated(): void {
    const target = this.focusAfterRender;
    this.focusAfterRender = null;
    if (target === 'page') this.querySelector<HTMLElement>('#main h1')?.focus();
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
