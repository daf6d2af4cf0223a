import { queryString } from '../net/http';

/**
 * Query parameters of a public search page, kept in the hash (`#/archive?q=買い物&careLevel=要支援2`)
 * so a search is linkable. Only non-empty values are kept.
 */
export type QueryParams = Readonly<Record<string, string>>;

/**
 * Hash routes. `#/` (or no hash) is the account page (the login form when signed out). Which
 * paths they have, and which are public, is in the route table (`app/routes.ts`).
 */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'cases' }
  | { readonly name: 'case-new' }
  | { readonly name: 'case'; readonly id: string }
  | { readonly name: 'meetings' }
  | { readonly name: 'meeting-new'; readonly caseId?: string }
  | { readonly name: 'meeting'; readonly id: string; readonly inviteCode?: string }
  | { readonly name: 'meeting-publish'; readonly id: string }
  | { readonly name: 'calendar' }
  | { readonly name: 'calendar-register'; readonly id: string }
  | { readonly name: 'archive'; readonly params: QueryParams }
  | { readonly name: 'archive-entry'; readonly id: string }
  | { readonly name: 'catalog'; readonly params: QueryParams }
  | { readonly name: 'catalog-new' }
  | { readonly name: 'catalog-service'; readonly id: string }
  | { readonly name: 'insight' }
  | { readonly name: 'notifications' }
  | { readonly name: 'login' }
  | { readonly name: 'signup'; readonly email?: string }
  | { readonly name: 'confirm'; readonly token?: string }
  | { readonly name: 'reset-request' }
  | { readonly name: 'reset'; readonly token?: string }
  | { readonly name: 'setup'; readonly token?: string }
  | { readonly name: 'admin' }
  | { readonly name: 'admin-accounts'; readonly state?: string }
  | { readonly name: 'admin-organizations' }
  | { readonly name: 'admin-outbox' }
  | { readonly name: 'not-found'; readonly hash: string };

export type RouteName = Route['name'];
export type RouteOf<N extends RouteName> = Extract<Route, { readonly name: N }>;

/**
 * Where a route lives: `path` has literal segments and at most one `:id`; `query` says what the
 * query string carries (a search page's parameters, or one value: a meeting's invitation code, the
 * case a new meeting starts with). Routes are
 * matched in the table's order, so `/cases/new` must come before `/cases/:id`.
 */
export interface RoutePath {
  readonly path: string | null;
  readonly query?: 'search' | OneValueQuery;
}

/** A query string that carries one value: its parameter, and the route's field that holds it. */
const ONE_VALUE = {
  invite: { param: 'invite', field: 'inviteCode' },
  case: { param: 'case', field: 'caseId' },
  email: { param: 'email', field: 'email' },
  token: { param: 'token', field: 'token' },
  state: { param: 'state', field: 'state' },
} as const;
type OneValueQuery = keyof typeof ONE_VALUE;

export type RoutePaths = { readonly [N in RouteName]: RoutePath };

/** The non-empty parameters of a query string, in their order. */
export function queryParams(query: string): QueryParams {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (value.trim() !== '') params[key] = value;
  }
  return params;
}

/** Reads and writes hashes for the routes of `paths`. */
export class RouteCodec {
  constructor(private readonly paths: RoutePaths) {}

  parse(hash: string): Route {
    const raw = hash.replace(/^#/, '');
    const [path, query = ''] = raw.split('?', 2);
    const parts = path.split('/').filter((part) => part !== '').map(safeDecode);
    for (const [name, route] of Object.entries(this.paths) as [RouteName, RoutePath][]) {
      const id = route.path === null ? undefined : match(segments(route.path), parts);
      if (id === undefined) continue;
      const found: Record<string, unknown> = { name };
      if (id !== null) found.id = id;
      if (route.query === 'search') found.params = queryParams(query);
      else if (route.query) {
        const { param, field } = ONE_VALUE[route.query];
        const value = new URLSearchParams(query).get(param);
        if (value) found[field] = value;
      }
      return found as Route;
    }
    return { name: 'not-found', hash };
  }

  href(route: Route): string {
    if (route.name === 'not-found') return route.hash;
    const { path, query } = this.paths[route.name];
    const id = 'id' in route ? encodeURIComponent(route.id) : '';
    let href = `#/${segments(path ?? '').map((segment) => (segment === ':id' ? id : segment)).join('/')}`;
    if (query === 'search' && 'params' in route) return href + queryString(route.params);
    if (query && query !== 'search') {
      const { param, field } = ONE_VALUE[query];
      const value = (route as Partial<Record<string, string>>)[field];
      if (value) href += queryString({ [param]: value });
    }
    return href;
  }
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** The `:id` when `parts` fit the pattern (null when it has none), undefined when they do not. */
function match(pattern: readonly string[], parts: readonly string[]): string | null | undefined {
  if (pattern.length !== parts.length) return undefined;
  let id: string | null = null;
  for (const [index, segment] of pattern.entries()) {
    if (segment === ':id') id = parts[index];
    else if (segment !== parts[index]) return undefined;
  }
  return id;
}

export class RouteChangeEvent extends Event {
  static readonly type = 'route-change';
  constructor(readonly route: Route) {
    super(RouteChangeEvent.type);
  }
}

/**
 * The paths the server serves the app at besides `/`, read as if they were hashes: the first-run
 * link it logs is `/setup?token=…` (a real path: a hash would not survive every mail client and
 * terminal).
 */
const PATH_ROUTES = ['/setup'];

/** The hash the address stands for: its hash, or a path route with its query when the hash is empty. */
function addressHash(location: Location): string {
  if (location.hash.replace(/^#\/?/, '') === '' && PATH_ROUTES.includes(location.pathname)) return `#${location.pathname}${location.search}`;
  return location.hash;
}

/**
 * The current route, read from `location.hash` (or a path route, see {@link PATH_ROUTES}). The
 * only place it changes: on `hashchange`, or through {@link replace} (which rewrites the address
 * without a history entry, e.g. after the first save turns `#/cases/new` into `#/cases/{id}`).
 */
export class RouterStore extends EventTarget {
  private current: Route;
  /** Shown from a path route: the next navigation goes back to the app's own `/` (and drops the token from the address). */
  private onPathRoute: boolean;

  constructor(
    private readonly codec: RouteCodec,
    private readonly win: Window = window,
  ) {
    super();
    this.current = codec.parse(addressHash(win.location));
    this.onPathRoute = addressHash(win.location) !== win.location.hash;
    win.addEventListener('hashchange', () => this.set(this.codec.parse(addressHash(this.win.location))));
  }

  get route(): Route {
    return this.current;
  }

  navigate(route: Route): void {
    const href = this.codec.href(route);
    if (this.onPathRoute) {
      this.onPathRoute = false;
      this.win.history.replaceState(null, '', `/${href}`);
      this.set(route);
      return;
    }
    if (this.win.location.hash === href) this.set(route);
    else this.win.location.hash = href;
  }

  replace(route: Route): void {
    this.win.history.replaceState(this.win.history.state, '', this.codec.href(route));
    this.set(route);
  }

  private set(route: Route): void {
    this.current = route;
    this.dispatchEvent(new RouteChangeEvent(route));
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
