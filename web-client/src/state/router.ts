import { queryString } from '../net/http';

/**
 * Query parameters of a public search page, kept in the address (`/archive?q=買い物&careLevel=要支援2`)
 * so a search is linkable. Only non-empty values are kept.
 */
export type QueryParams = Readonly<Record<string, string>>;

/**
 * The app's routes. Most live in the hash (`/#/cases`); the public pages live at real paths the
 * server renders too (`/archive/cases/{id}`). `#/` (or no hash at `/`) is the account page (the
 * login form when signed out). Which paths they have, and which are public, is in the route table
 * (`app/routes.ts`).
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
 * matched in the table's order, so `/cases/new` must come before `/cases/:id`. `real` routes live
 * at `path` itself rather than in the hash (the public pages the server renders); their old hash,
 * `path` or `legacy`, still parses, and the router sends it to the real path.
 */
export interface RoutePath {
  readonly path: string | null;
  readonly query?: 'search' | OneValueQuery;
  readonly real?: true;
  readonly legacy?: string;
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

/** Reads and writes the addresses of the routes of `paths`. */
export class RouteCodec {
  constructor(private readonly paths: RoutePaths) {}

  /** The route a hash stands for (an old hash of a real route included). */
  parse(hash: string): Route {
    const raw = hash.replace(/^#/, '');
    return this.find(raw, (route) => [route.path, route.legacy]) ?? { name: 'not-found', hash };
  }

  /** The real route at `pathAndQuery` (`/archive/cases/a1`), or null when none lives there. */
  parsePath(pathAndQuery: string): Route | null {
    return this.find(pathAndQuery, (route) => (route.real ? [route.path] : []));
  }

  /** Whether the route lives at a real path rather than in the hash. */
  isReal(route: Route): boolean {
    return route.name !== 'not-found' && this.paths[route.name].real === true;
  }

  /** Its address from anywhere on this server: `/archive?q=…` for a real route, `/#/cases` for the others. */
  href(route: Route): string {
    if (route.name === 'not-found') return route.hash;
    const { path, query, real } = this.paths[route.name];
    const id = 'id' in route ? encodeURIComponent(route.id) : '';
    let href = `${real ? '' : '/#'}/${segments(path ?? '').map((segment) => (segment === ':id' ? id : segment)).join('/')}`;
    if (query === 'search' && 'params' in route) return href + queryString(route.params);
    if (query && query !== 'search') {
      const { param, field } = ONE_VALUE[query];
      const value = (route as Partial<Record<string, string>>)[field];
      if (value) href += queryString({ [param]: value });
    }
    return href;
  }

  private find(address: string, patterns: (route: RoutePath) => readonly (string | null | undefined)[]): Route | null {
    const [path, query = ''] = address.split('?', 2);
    const parts = path.split('/').filter((part) => part !== '').map(safeDecode);
    for (const [name, route] of Object.entries(this.paths) as [RouteName, RoutePath][]) {
      const id = patterns(route).map((pattern) => (pattern == null ? undefined : match(segments(pattern), parts)))
        .find((found) => found !== undefined);
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
    return null;
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
 * The paths the server serves the app at besides `/` and the real routes, read as if they were
 * hashes: the first-run link it logs is `/setup?token=…` (a real path: a hash would not survive
 * every mail client and terminal).
 */
const PATH_ROUTES = ['/setup'];

/**
 * The current route, read from the address: a route hash (`#/…`) wins (an old hash of a real route,
 * `#/archive/{id}`, is replaced by its real address with a page load), else a real route at the
 * path (`/archive/cases/{id}`), else a path route (see {@link PATH_ROUTES}). The only place it
 * changes: on `popstate`/`hashchange` (back, forward, a hash link), through {@link navigate}
 * (a new history entry) or {@link replace} (rewrites the address without one, e.g. after the
 * first save turns `#/cases/new` into `#/cases/{id}`).
 */
export class RouterStore extends EventTarget {
  private current: Route;
  /** The address {@link current} was read from or written to; an event at the same address changes nothing. */
  private address: string;
  /** Shown from a path route: the next navigation replaces it (and drops the token from the address). */
  private onPathRoute = false;

  constructor(
    private readonly codec: RouteCodec,
    private readonly win: Window = window,
  ) {
    super();
    this.address = this.here();
    this.current = this.read();
    const changed = (): void => {
      if (this.here() === this.address) return;
      this.address = this.here();
      const route = this.read();
      // following an anchor in the page (`#sp-summary`) moves the address, not the route
      if (this.codec.href(route) !== this.codec.href(this.current)) this.set(route);
    };
    win.addEventListener('popstate', changed);
    win.addEventListener('hashchange', changed);
  }

  get route(): Route {
    return this.current;
  }

  navigate(route: Route): void {
    const href = this.codec.href(route);
    if (href !== this.address) {
      if (this.onPathRoute) this.win.history.replaceState(null, '', href);
      else this.win.history.pushState(null, '', href);
    }
    this.onPathRoute = false;
    this.address = this.here();
    this.set(route);
  }

  replace(route: Route): void {
    this.win.history.replaceState(this.win.history.state, '', this.codec.href(route));
    this.address = this.here();
    this.set(route);
  }

  /** The hash when it is a route (`#/…`); another fragment is an anchor in the page (`#sp-main`), not a route. */
  private routeHash(): string {
    const { hash } = this.win.location;
    return hash.startsWith('#/') ? hash : '';
  }

  private here(): string {
    const { pathname, search, hash } = this.win.location;
    return pathname + search + hash;
  }

  private read(): Route {
    const { pathname, search } = this.win.location;
    this.onPathRoute = false;
    const hash = this.routeHash();
    if (hash !== '') {
      const route = this.codec.parse(hash);
      if (this.codec.isReal(route)) this.win.location.replace(this.codec.href(route));
      return route;
    }
    const real = this.codec.parsePath(pathname + search);
    if (real) return real;
    if (PATH_ROUTES.includes(pathname)) {
      this.onPathRoute = true;
      return this.codec.parse(`#${pathname}${search}`);
    }
    return this.codec.parse(hash);
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
