import { queryString } from '../net/http';

/**
 * Query parameters of a public search page, kept in the hash (`#/archive?q=買い物&careLevel=要支援2`)
 * so a search is linkable. Only non-empty values are kept.
 */
export type QueryParams = Readonly<Record<string, string>>;

/**
 * Hash routes. `#/` (or no hash) is the account page (the login form when signed out). The archive,
 * catalog and insight pages are public: they render for everyone, signed in or not.
 */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'cases' }
  | { readonly name: 'case-new' }
  | { readonly name: 'case'; readonly id: string }
  | { readonly name: 'meetings' }
  | { readonly name: 'meeting-new' }
  | { readonly name: 'meeting'; readonly id: string; readonly inviteCode?: string }
  | { readonly name: 'archive'; readonly params: QueryParams }
  | { readonly name: 'archive-entry'; readonly id: string }
  | { readonly name: 'catalog'; readonly params: QueryParams }
  | { readonly name: 'catalog-new' }
  | { readonly name: 'catalog-service'; readonly id: string }
  | { readonly name: 'insight' }
  | { readonly name: 'not-found'; readonly hash: string };

const PUBLIC_ROUTES: ReadonlySet<Route['name']> = new Set([
  'archive', 'archive-entry', 'catalog', 'catalog-service', 'insight',
]);

/** Pages anyone may read without signing in (§2 "public"). `catalog-new` needs a company account. */
export function isPublicRoute(route: Route): boolean {
  return PUBLIC_ROUTES.has(route.name);
}

/** The non-empty parameters of a query string, in their order. */
export function queryParams(query: string): QueryParams {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (value.trim() !== '') params[key] = value;
  }
  return params;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path, query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter((part) => part !== '').map(safeDecode);
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { name: 'not-found', hash };
  if (first === undefined) return { name: 'home' };
  if (first === 'cases') {
    if (second === undefined) return { name: 'cases' };
    if (second === 'new') return { name: 'case-new' };
    return { name: 'case', id: second };
  }
  if (first === 'meetings') {
    if (second === undefined) return { name: 'meetings' };
    if (second === 'new') return { name: 'meeting-new' };
    const inviteCode = new URLSearchParams(query).get('invite') ?? undefined;
    return inviteCode ? { name: 'meeting', id: second, inviteCode } : { name: 'meeting', id: second };
  }
  if (first === 'archive') {
    if (second === undefined) return { name: 'archive', params: queryParams(query) };
    return { name: 'archive-entry', id: second };
  }
  if (first === 'catalog') {
    if (second === undefined) return { name: 'catalog', params: queryParams(query) };
    if (second === 'new') return { name: 'catalog-new' };
    return { name: 'catalog-service', id: second };
  }
  if (first === 'insight' && second === undefined) return { name: 'insight' };
  return { name: 'not-found', hash };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'cases':
      return '#/cases';
    case 'case-new':
      return '#/cases/new';
    case 'case':
      return `#/cases/${encodeURIComponent(route.id)}`;
    case 'meetings':
      return '#/meetings';
    case 'meeting-new':
      return '#/meetings/new';
    case 'meeting':
      return `#/meetings/${encodeURIComponent(route.id)}${route.inviteCode ? `?invite=${encodeURIComponent(route.inviteCode)}` : ''}`;
    case 'archive':
      return `#/archive${queryString(route.params)}`;
    case 'archive-entry':
      return `#/archive/${encodeURIComponent(route.id)}`;
    case 'catalog':
      return `#/catalog${queryString(route.params)}`;
    case 'catalog-new':
      return '#/catalog/new';
    case 'catalog-service':
      return `#/catalog/${encodeURIComponent(route.id)}`;
    case 'insight':
      return '#/insight';
    case 'not-found':
      return route.hash;
  }
}

export class RouteChangeEvent extends Event {
  static readonly type = 'route-change';
  constructor(readonly route: Route) {
    super(RouteChangeEvent.type);
  }
}

/**
 * The current route, read from `location.hash`. The only place it changes: on `hashchange`, or
 * through {@link replace} (which rewrites the address without a history entry, e.g. after the
 * first save turns `#/cases/new` into `#/cases/{id}`).
 */
export class RouterStore extends EventTarget {
  private current: Route;

  constructor(private readonly win: Window = window) {
    super();
    this.current = parseRoute(win.location.hash);
    win.addEventListener('hashchange', () => this.set(parseRoute(this.win.location.hash)));
  }

  get route(): Route {
    return this.current;
  }

  navigate(route: Route): void {
    const href = routeHref(route);
    if (this.win.location.hash === href) this.set(route);
    else this.win.location.hash = href;
  }

  replace(route: Route): void {
    this.win.history.replaceState(this.win.history.state, '', routeHref(route));
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
