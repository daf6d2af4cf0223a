import { html } from 'lit';
import '../features/admin/admin-console';
import type { AdminTab } from '../features/admin/admin-console';
import '../features/archive/archive-entry';
import '../features/archive/archive-search';
import '../features/casefile/case-editor';
import '../features/casefile/case-list';
import type { CaseCreatedEvent } from '../features/casefile/events';
import '../features/catalog/catalog-search';
import '../features/catalog/catalog-service';
import type { ServiceCreatedEvent } from '../features/catalog/events';
import '../features/catalog/service-form';
import '../features/home/home-steps';
import '../features/home/public-home';
import '../features/insight/insight-page';
import '../features/login/account-summary';
import type { MeetingCreatedEvent } from '../features/meeting/events';
import '../features/meeting/calendar-register';
import '../features/meeting/calendar-sign-in';
import '../features/meeting/meeting-calendar';
import '../features/meeting/meeting-create';
import '../features/meeting/meeting-list';
import '../features/meeting/meeting-room';
import type { PreferencesSavedEvent } from '../features/notifications/events';
import '../features/notifications/notifications-page';
import type { PasswordResetDoneEvent, SetupDoneEvent } from '../features/signup/events';
import '../features/signup/confirm-page';
import '../features/signup/reset-pages';
import '../features/signup/setup-page';
import '../features/signup/signup-page';
import { summaryGateway } from '../features/summary/host-tools';
import type { AccountApi } from '../net/account-api';
import '../features/summary/publish-page';
import type { ArchiveApi } from '../net/archive-api';
import type { CaseApi } from '../net/case-api';
import type { CatalogApi } from '../net/catalog-api';
import type { HomeApi } from '../net/home-api';
import type { InsightApi } from '../net/insight-api';
import type { MeetingApi } from '../net/meeting-api';
import type { NotificationApi } from '../net/notification-api';
import type { Role, User } from '../net/protocol';
import type { SocketFactory } from '../net/socket';
import type { SearchChangeEvent } from '../shared/search-page';
import { CaseEditorStore } from '../state/case-editor-store';
import { LiveMeeting } from '../state/live-meeting';
import type { NotificationStore } from '../state/notification-store';
import { RouteCodec, type Route, type RouteName, type RouteOf, type RoutePath, type RouterStore } from '../state/router';
import { type MessageKey, t } from './messages';

/** What the pages need besides the sign-in; `defaultServices` builds it, tests pass fakes. */
export interface AppServices {
  router: RouterStore;
  cases: CaseApi;
  meetings: MeetingApi;
  archive: ArchiveApi;
  catalog: CatalogApi;
  insights: InsightApi;
  home: HomeApi;
  notifications: NotificationApi;
  accounts: AccountApi;
  socketFactory: SocketFactory;
  socketUrl: string;
}

/** What the shell gives a route's page: the services, the user, what the route opened, and the shell's event handlers. */
export interface Shell {
  readonly services?: AppServices;
  /** The signed-in user, or null (signed out, or still restoring). */
  readonly user: User | null;
  /** The signed-in session's token, for the live meeting's `join`. */
  readonly token: () => string | null;
  opened<T>(kind: abstract new (...args: never[]) => T): T | undefined;
  /** The signed-in account's notifications (the header's unread count, the お知らせ page). */
  readonly notices?: NotificationStore;
  readonly onSearchChange: (event: SearchChangeEvent) => void;
  readonly onCaseCreated: (event: CaseCreatedEvent) => void;
  readonly onMeetingCreated: (event: MeetingCreatedEvent) => void;
  readonly onServiceCreated: (event: ServiceCreatedEvent) => void;
  readonly onLogoutRequest: () => void;
  readonly onPreferencesSaved: (event: PreferencesSavedEvent) => void;
  readonly onSetupDone: (event: SetupDoneEvent) => void;
  readonly onPasswordResetDone: (event: PasswordResetDoneEvent) => void;
}

/** Something a page keeps open while its route stays (the case editor's store, the live meeting). */
export interface OpenPage {
  readonly page: object;
  close(): void;
  /** Whether it still serves `next` after serving `last` (e.g. a new case that got its id). */
  stays(last: Route, next: Route): boolean;
}

export type Section = 'home' | 'cases' | 'meetings' | 'calendar' | 'archive' | 'catalog' | 'insight' | 'admin';

/**
 * One route: where it lives, whether anyone may see it (§2 "public": the archive, catalog and
 * insights) or only a signed-in user, which roles may use it (every signed-in role when absent;
 * the menu hides it from the others and the shell shows them an honest page instead), the menu
 * section it belongs to (and the menu entry it is, if any), what it opens while shown (`enter`,
 * closed when the route goes), what it renders, and — for a signed-in route with a page of its
 * own for visitors — what it renders signed out around the login form.
 */
export interface RouteEntry<N extends RouteName> extends RoutePath {
  readonly access: 'public' | 'signed-in';
  readonly roles?: readonly Role[];
  readonly section: Section | null;
  readonly nav?: MessageKey;
  enter?(route: RouteOf<N>, shell: Shell, services: AppServices): OpenPage | null;
  render(route: RouteOf<N>, shell: Shell): unknown;
  renderSignedOut?(route: RouteOf<N>, shell: Shell, loginForm: unknown): unknown;
}

/** Who hosts meetings (Permission.HOST_MEETINGS). */
const HOSTS: readonly Role[] = ['municipality', 'admin'];
/** Who writes cases: the admin may, but the menu's 事例 is an organization's own cases, which the platform operator has none of. */
const CASE_WRITERS: readonly Role[] = ['municipality'];

const ADMINS: readonly Role[] = ['admin'];

const mayHost = (user: User | null): boolean => user !== null && HOSTS.includes(user.role);

/** Whether `user` may use the page of `entry` (public pages: anyone). */
export function mayUse(entry: Pick<RouteEntry<RouteName>, 'access' | 'roles'>, user: User | null): boolean {
  if (entry.access === 'public') return true;
  return user !== null && (entry.roles === undefined || entry.roles.includes(user.role));
}

/** The route table: it drives both the router (paths, in matching order) and the shell (the rest). */
export const ROUTES: { readonly [N in RouteName]: RouteEntry<N> } = {
  home: {
    path: '/', access: 'signed-in', section: 'home', nav: 'nav.home',
    render: (_route, shell) => renderHome(shell),
    renderSignedOut: (_route, shell, loginForm) => renderPublicHome(shell, loginForm),
  },
  login: {
    // the sign-in link of the approval mail: the home page, whose sign-in form is the way in
    path: '/login', access: 'signed-in', section: 'home',
    render: (_route, shell) => renderHome(shell),
    renderSignedOut: (_route, shell, loginForm) => renderPublicHome(shell, loginForm),
  },
  cases: {
    path: '/cases', access: 'signed-in', roles: CASE_WRITERS, section: 'cases', nav: 'nav.cases',
    render: (_route, shell) => html`<yoriai-case-list .api=${shell.services?.cases} .excel=${shell.services?.cases}
      @case-created=${shell.onCaseCreated}></yoriai-case-list>`,
  },
  'case-new': {
    path: '/cases/new', access: 'signed-in', roles: CASE_WRITERS, section: 'cases',
    enter: (_route, _shell, services) => openEditor(services, null),
    render: (_route, shell) => renderEditor(shell),
  },
  case: {
    // an admin reads any case (Permission.READ_ALL_CASES), e.g. one on the agenda of a meeting it moderates
    path: '/cases/:id', access: 'signed-in', roles: [...CASE_WRITERS, 'admin'], section: 'cases',
    enter: (route, _shell, services) => openEditor(services, route.id),
    render: (_route, shell) => renderEditor(shell),
  },
  meetings: {
    path: '/meetings', access: 'signed-in', section: 'meetings', nav: 'nav.meetings',
    render: (_route, shell) => html`<yoriai-meeting-list .api=${shell.services?.meetings}
      .canCreate=${mayHost(shell.user)}></yoriai-meeting-list>`,
  },
  'meeting-new': {
    path: '/meetings/new', query: 'case', access: 'signed-in', roles: HOSTS, section: 'meetings',
    render: (route, shell) => html`<yoriai-meeting-create .meetings=${shell.services?.meetings} .cases=${shell.services?.cases}
      .canCreate=${mayHost(shell.user)} .caseId=${route.caseId ?? null} @meeting-created=${shell.onMeetingCreated}></yoriai-meeting-create>`,
  },
  meeting: {
    path: '/meetings/:id', query: 'invite', access: 'signed-in', section: 'meetings',
    enter: (route, shell, services) => openMeeting(route, shell, services),
    render: (_route, shell) => html`<yoriai-meeting-room .meeting=${shell.opened(LiveMeeting)} .cases=${shell.services?.meetings}
      .catalog=${shell.services?.catalog} .minutes=${shell.services?.meetings} .invitations=${shell.services?.meetings}
      .summaryApi=${shell.services && summaryGateway(shell.services.meetings, shell.services.cases)}
      .similar=${shell.services?.archive} .entryHref=${archiveEntryHref}></yoriai-meeting-room>`,
  },
  'meeting-publish': {
    path: '/meetings/:id/publish', access: 'signed-in', roles: HOSTS, section: 'meetings',
    render: (route, shell) => html`<yoriai-publish-page .api=${shell.services?.meetings} .meetingId=${route.id}></yoriai-publish-page>`,
  },
  calendar: {
    path: '/calendar', access: 'public', section: 'calendar', nav: 'nav.calendar',
    render: (_route, shell) => html`<yoriai-meeting-calendar .api=${shell.services?.meetings} .user=${shell.user}></yoriai-meeting-calendar>`,
  },
  'calendar-register': {
    // signed in, so a visitor signs in here first, then confirms (opening the link never registers)
    path: '/calendar/:id/register', access: 'signed-in', section: 'calendar',
    render: (route, shell) => html`<yoriai-calendar-register .api=${shell.services?.meetings}
      .meetingId=${route.id}></yoriai-calendar-register>`,
    renderSignedOut: (_route, _shell, loginForm) => html`<yoriai-calendar-sign-in .loginForm=${loginForm}></yoriai-calendar-sign-in>`,
  },
  archive: {
    path: '/archive', real: true, query: 'search', access: 'public', section: 'archive', nav: 'nav.archive',
    render: (route, shell) => html`<yoriai-archive-search .api=${shell.services?.archive} .params=${route.params}
      @search-change=${shell.onSearchChange}></yoriai-archive-search>`,
  },
  'archive-entry': {
    path: '/archive/cases/:id', real: true, legacy: '/archive/:id', access: 'public', section: 'archive',
    render: (route, shell) => html`<yoriai-archive-entry .api=${shell.services?.archive} .entryId=${route.id}
      .canRedact=${mayHost(shell.user)}></yoriai-archive-entry>`,
  },
  catalog: {
    path: '/catalog', real: true, query: 'search', access: 'public', section: 'catalog', nav: 'nav.catalog',
    render: (route, shell) => html`<yoriai-catalog-search .api=${shell.services?.catalog} .params=${route.params}
      .canRegister=${shell.user?.role === 'company'} @search-change=${shell.onSearchChange}></yoriai-catalog-search>`,
  },
  'catalog-new': {
    path: '/catalog/new', access: 'signed-in', roles: ['company'], section: 'catalog',
    render: (_route, shell) => html`<yoriai-service-form .api=${shell.services?.catalog} .canRegister=${shell.user?.role === 'company'}
      @service-created=${shell.onServiceCreated}></yoriai-service-form>`,
  },
  'catalog-service': {
    path: '/catalog/services/:id', real: true, legacy: '/catalog/:id', access: 'public', section: 'catalog',
    render: (route, shell) => html`<yoriai-catalog-service .api=${shell.services?.catalog} .serviceId=${route.id}></yoriai-catalog-service>`,
  },
  insight: {
    path: '/insights', real: true, legacy: '/insight', access: 'public', section: 'insight', nav: 'nav.insight',
    render: (_route, shell) => html`<yoriai-insight-page .api=${shell.services?.insights} .user=${shell.user}></yoriai-insight-page>`,
  },
  notifications: {
    path: '/notifications', access: 'signed-in', section: null,
    render: (_route, shell) => html`<yoriai-notifications-page .store=${shell.notices} .api=${shell.services?.notifications}
      @preferences-saved=${shell.onPreferencesSaved}></yoriai-notifications-page>`,
  },
  signup: {
    path: '/signup', query: 'email', access: 'public', section: null,
    render: (route, shell) => html`<yoriai-signup-page .api=${shell.services?.accounts} .email=${route.email ?? ''}></yoriai-signup-page>`,
  },
  confirm: {
    // the link of the 「参加申請を受け付けました」 mail: confirms the sign-up's address on opening
    path: '/confirm', query: 'token', access: 'public', section: null,
    render: (route, shell) => html`<yoriai-confirm-page .api=${shell.services?.accounts} .token=${route.token ?? ''}></yoriai-confirm-page>`,
  },
  'reset-request': {
    path: '/reset-request', access: 'public', section: null,
    render: (_route, shell) => html`<yoriai-reset-request .api=${shell.services?.accounts}></yoriai-reset-request>`,
  },
  reset: {
    // without a token (the link of 「このメールアドレスは登録済みです」): ask for a reset link
    path: '/reset', query: 'token', access: 'public', section: null,
    render: (route, shell) => route.token === undefined
      ? html`<yoriai-reset-request .api=${shell.services?.accounts}></yoriai-reset-request>`
      : html`<yoriai-reset-page .api=${shell.services?.accounts} .token=${route.token ?? ''}
      @password-reset-done=${shell.onPasswordResetDone}></yoriai-reset-page>`,
  },
  setup: {
    // served at the path /setup?token=… (the link the server logs on its first start), read as this hash
    path: '/setup', query: 'token', access: 'public', section: null,
    render: (route, shell) => html`<yoriai-setup-page .api=${shell.services?.accounts} .token=${route.token ?? ''}
      @setup-done=${shell.onSetupDone}></yoriai-setup-page>`,
  },
  admin: {
    path: '/admin', access: 'signed-in', roles: ADMINS, section: 'admin', nav: 'nav.admin',
    render: (_route, shell) => renderAdmin(shell, 'signups'),
  },
  'admin-accounts': {
    // ?state=pending is the link of the admins' 「新しい参加申請」 mail: the sign-ups to approve
    path: '/admin/accounts', query: 'state', access: 'signed-in', roles: ADMINS, section: 'admin',
    render: (route, shell) => (route.state === 'pending' ? renderAdmin(shell, 'signups') : renderAdmin(shell, 'accounts', route.state)),
  },
  'admin-organizations': {
    path: '/admin/organizations', access: 'signed-in', roles: ADMINS, section: 'admin',
    render: (_route, shell) => renderAdmin(shell, 'organizations'),
  },
  'admin-outbox': {
    path: '/admin/outbox', access: 'signed-in', roles: ADMINS, section: 'admin',
    render: (_route, shell) => renderAdmin(shell, 'outbox'),
  },
  'not-found': {
    path: null, access: 'signed-in', section: null,
    render: () => html`<section class="card"><h1 class="card__title" tabindex="-1">${t('page.notFound')}</h1></section>`,
  },
};

export function routeEntry(route: Route): RouteEntry<RouteName> {
  // The table gives each name its own entry; the compiler cannot follow that through an index.
  return ROUTES[route.name] as unknown as RouteEntry<RouteName>;
}

export const routeCodec = new RouteCodec(ROUTES);

/** The route of a hash (`#/cases`) or, starting with `/`, of a real path (`/archive/cases/a1`). */
export function parseRoute(address: string): Route {
  if (address.startsWith('/')) return routeCodec.parsePath(address) ?? { name: 'not-found', hash: address };
  return routeCodec.parse(address);
}

export function routeHref(route: Route): string {
  return routeCodec.href(route);
}

/** The address of a public archive entry, for the features that link to one. */
export function archiveEntryHref(id: string): string {
  return routeHref({ name: 'archive-entry', id });
}

/** Pages anyone may read without signing in (§2 "public"). `catalog-new` needs a company account. */
export function isPublicRoute(route: Route): boolean {
  return routeEntry(route).access === 'public';
}

function renderHome(shell: Shell) {
  return html`<div class="home home--signed-in">
      <yoriai-account-summary .user=${shell.user} @logout-request=${shell.onLogoutRequest}></yoriai-account-summary>
      <yoriai-home-steps .user=${shell.user} .cases=${shell.services?.cases} .meetings=${shell.services?.meetings}
        .home=${shell.services?.home}></yoriai-home-steps>
    </div>`;
}

function renderPublicHome(shell: Shell, loginForm: unknown) {
  return html`<yoriai-public-home .archive=${shell.services?.archive}
      .home=${shell.services?.home} .accounts=${shell.services?.accounts} .loginForm=${loginForm}></yoriai-public-home>`;
}

function renderAdmin(shell: Shell, tab: AdminTab, accountState?: string) {
  return html`<yoriai-admin-console .api=${shell.services?.accounts} .tab=${tab} .accountState=${accountState}></yoriai-admin-console>`;
}

function openEditor(services: AppServices, id: string | null): OpenPage {
  const editor = new CaseEditorStore(services.cases);
  if (id !== null) void editor.load(id);
  return {
    page: editor,
    close: () => editor.dispose(),
    // A new case that just got its id keeps its editor when the address becomes #/cases/{id}.
    stays: (last, next) => (next.name === 'case-new' ? last.name === 'case-new' : next.name === 'case' && editor.id === next.id),
  };
}

function renderEditor(shell: Shell) {
  return html`<yoriai-case-editor .store=${shell.opened(CaseEditorStore)} .similar=${shell.services?.archive}
    .entryHref=${archiveEntryHref} @case-created=${shell.onCaseCreated}></yoriai-case-editor>`;
}

function openMeeting(route: RouteOf<'meeting'>, shell: Shell, services: AppServices): OpenPage | null {
  if (!shell.user) return null;
  const live = new LiveMeeting({
    meetingId: route.id,
    me: shell.user,
    token: shell.token,
    api: services.meetings,
    factory: services.socketFactory,
    url: services.socketUrl,
    inviteCode: route.inviteCode,
  });
  void live.start();
  return {
    page: live,
    close: () => live.stop(),
    // A new invitation code for the same meeting (the bare link was refused) joins again with it.
    stays: (_last, next) => next.name === 'meeting' && next.id === live.meetingId && next.inviteCode === live.inviteCode,
  };
}
