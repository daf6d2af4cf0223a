import { isPublicRoute, parseRoute, routeCodec, routeHref } from '../app/routes';
import { RouterStore, type Route } from './router';

describe('hash routes', () => {
  test('parse the signed-in pages and round-trip through routeHref', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/cases')).toEqual({ name: 'cases' });
    expect(parseRoute('#/cases/new')).toEqual({ name: 'case-new' });
    expect(parseRoute('#/cases/c%201')).toEqual({ name: 'case', id: 'c 1' });
    expect(parseRoute('#/meetings')).toEqual({ name: 'meetings' });
    expect(parseRoute('#/meetings/new')).toEqual({ name: 'meeting-new' });
    expect(parseRoute('#/meetings/new?case=c1')).toEqual({ name: 'meeting-new', caseId: 'c1' });
    expect(parseRoute('#/meetings/m1?invite=AB12')).toEqual({ name: 'meeting', id: 'm1', inviteCode: 'AB12' });
    expect(parseRoute('#/elsewhere')).toMatchObject({ name: 'not-found' });
    for (const hash of ['#/cases', '#/cases/new', '#/cases/c1', '#/meetings/m1?invite=AB12', '#/meetings/new?case=c1', '#/catalog/new']) {
      // absolute, so a link to the app leaves a public page's real path
      expect(routeHref(parseRoute(hash))).toBe(`/${hash}`);
    }
  });

  test('the public pages live at real paths, with their query', () => {
    expect(parseRoute('/archive')).toEqual({ name: 'archive', params: {} });
    expect(parseRoute('/archive?q=%E8%B2%B7%E3%81%84%E7%89%A9&careLevel=%E8%A6%81%E6%94%AF%E6%8F%B42&page=')).toEqual({
      name: 'archive',
      params: { q: '買い物', careLevel: '要支援2' },
    });
    expect(parseRoute('/archive/cases/a1')).toEqual({ name: 'archive-entry', id: 'a1' });
    expect(parseRoute('/catalog?category=%E9%85%8D%E9%A3%9F')).toEqual({ name: 'catalog', params: { category: '配食' } });
    expect(parseRoute('/catalog/services/s1')).toEqual({ name: 'catalog-service', id: 's1' });
    expect(parseRoute('/insights')).toEqual({ name: 'insight' });
    // only the public pages live at paths; the app's other routes are in the hash
    expect(parseRoute('/cases')).toMatchObject({ name: 'not-found' });
    expect(parseRoute('/catalog/new')).toMatchObject({ name: 'not-found' });
    expect(parseRoute('/archive/a1')).toMatchObject({ name: 'not-found' });
    expect(isPublicRoute(parseRoute('/archive/cases/a1'))).toBe(true);
    expect(isPublicRoute(parseRoute('#/catalog/new'))).toBe(false);
    expect(isPublicRoute(parseRoute('#/cases'))).toBe(false);
    for (const path of ['/archive', '/archive?q=a+b&year=2026', '/archive/cases/a1', '/catalog?q=x', '/catalog/services/s1', '/insights']) {
      expect(routeHref(parseRoute(path))).toBe(path);
    }
  });

  test('the old hashes of the public pages still parse, to be sent to their real paths', () => {
    const old: Record<string, string> = {
      '#/archive': '/archive',
      '#/archive?q=%E8%B2%B7%E3%81%84%E7%89%A9&year=2026': '/archive?q=%E8%B2%B7%E3%81%84%E7%89%A9&year=2026',
      '#/archive/a1': '/archive/cases/a1',
      '#/catalog?category=%E9%85%8D%E9%A3%9F': '/catalog?category=%E9%85%8D%E9%A3%9F',
      '#/catalog/s1': '/catalog/services/s1',
      '#/insight': '/insights',
    };
    for (const [hash, path] of Object.entries(old)) {
      const route = parseRoute(hash);
      expect(routeCodec.isReal(route)).toBe(true);
      expect(routeHref(route)).toBe(path);
    }
    expect(parseRoute('#/catalog/new')).toEqual({ name: 'catalog-new' });
    expect(routeCodec.isReal(parseRoute('#/catalog/new'))).toBe(false);
  });
});

/** A window whose address tests set, recording what the router does to it. */
class FakeWindow extends EventTarget {
  readonly replaced: string[] = [];
  readonly location = {
    pathname: '/',
    search: '',
    hash: '',
    replace: (href: string) => this.replaced.push(href),
  };
  readonly history = {
    state: null,
    length: 1,
    pushState: (_state: unknown, _title: string, href: string) => {
      this.history.length++;
      this.goTo(href);
    },
    replaceState: (_state: unknown, _title: string, href: string) => this.goTo(href),
  };

  goTo(href: string): void {
    const url = new URL(href, `https://yoriai.test${this.location.pathname}${this.location.search}`);
    Object.assign(this.location, { pathname: url.pathname, search: url.search, hash: url.hash });
  }
}

function routerAt(href: string): { router: RouterStore; win: FakeWindow; seen: Route[] } {
  const win = new FakeWindow();
  win.goTo(href);
  const router = new RouterStore(routeCodec, win as unknown as Window);
  const seen: Route[] = [];
  router.addEventListener('route-change', () => seen.push(router.route));
  return { router, win, seen };
}

describe('RouterStore', () => {
  test('reads a public page from the path, and a route hash wins over it', () => {
    expect(routerAt('/archive/cases/a1').router.route).toEqual({ name: 'archive-entry', id: 'a1' });
    expect(routerAt('/archive?q=%E8%B2%B7%E3%81%84%E7%89%A9').router.route).toEqual({ name: 'archive', params: { q: '買い物' } });
    expect(routerAt('/archive#/cases').router.route).toEqual({ name: 'cases' });
    expect(routerAt('/').router.route).toEqual({ name: 'home' });
  });

  test('only a hash starting with #/ is a route: an anchor of the page leaves the path its route', () => {
    expect(routerAt('/archive/cases/x#sp-summary').router.route).toEqual({ name: 'archive-entry', id: 'x' });
    expect(routerAt('/archive#sp-main').router.route).toEqual({ name: 'archive', params: {} });
    expect(routerAt('/archive/cases/x#').router.route).toEqual({ name: 'archive-entry', id: 'x' });
    expect(routerAt('#').router.route).toEqual({ name: 'home' });
    expect(routerAt('/#sp-main').router.route).toEqual({ name: 'home' });
    expect(routerAt('/archive/cases/x#sp-summary').win.replaced).toEqual([]);

    const { router, win, seen } = routerAt('/archive/cases/x');
    win.goTo('/archive/cases/x#sp-summary');
    win.dispatchEvent(new Event('hashchange'));
    expect(router.route).toEqual({ name: 'archive-entry', id: 'x' });
    expect(seen).toEqual([]);
  });

  test('an old link is replaced by its real address, without a history entry', () => {
    const old = routerAt('/#/archive/a1');
    expect(old.win.replaced).toEqual(['/archive/cases/a1']);
    expect(old.win.history.length).toBe(1);
    expect(routerAt('/#/catalog/s1').win.replaced).toEqual(['/catalog/services/s1']);
    expect(routerAt('/#/insight').win.replaced).toEqual(['/insights']);
    expect(routerAt('/#/archive?q=x').win.replaced).toEqual(['/archive?q=x']);
    expect(routerAt('/#/catalog/new').win.replaced).toEqual([]);
  });

  test('a search writes its query into the path; back reads the earlier one', () => {
    const { router, win, seen } = routerAt('/archive?q=a');
    router.navigate({ name: 'archive', params: { q: 'b' } });
    expect(win.location.pathname + win.location.search).toBe('/archive?q=b');
    expect(win.location.hash).toBe('');
    expect(win.history.length).toBe(2);

    win.goTo('/archive?q=a');
    win.dispatchEvent(new Event('popstate'));
    // a hashchange after the same move changes nothing more
    win.dispatchEvent(new Event('hashchange'));
    expect(router.route).toEqual({ name: 'archive', params: { q: 'a' } });
    expect(seen).toEqual([{ name: 'archive', params: { q: 'b' } }, { name: 'archive', params: { q: 'a' } }]);
  });

  test('from a public page a route of the app goes to its hash at /', () => {
    const { router, win } = routerAt('/catalog');
    router.navigate({ name: 'catalog-new' });
    expect(win.location.pathname + win.location.hash).toBe('/#/catalog/new');
    router.navigate({ name: 'catalog-service', id: 's9' });
    expect(win.location.pathname + win.location.hash).toBe('/catalog/services/s9');
  });
});
