import { isPublicRoute, parseRoute, routeHref } from '../app/routes';

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
    for (const hash of ['#/cases', '#/cases/new', '#/cases/c1', '#/meetings/m1?invite=AB12', '#/meetings/new?case=c1']) {
      expect(routeHref(parseRoute(hash))).toBe(hash);
    }
  });

  test('parse the public pages with their query and keep it linkable', () => {
    expect(parseRoute('#/archive')).toEqual({ name: 'archive', params: {} });
    expect(parseRoute('#/archive?q=%E8%B2%B7%E3%81%84%E7%89%A9&careLevel=%E8%A6%81%E6%94%AF%E6%8F%B42&page=')).toEqual({
      name: 'archive',
      params: { q: '買い物', careLevel: '要支援2' },
    });
    expect(parseRoute('#/archive/a1')).toEqual({ name: 'archive-entry', id: 'a1' });
    expect(parseRoute('#/catalog?category=%E9%85%8D%E9%A3%9F')).toEqual({ name: 'catalog', params: { category: '配食' } });
    expect(parseRoute('#/catalog/new')).toEqual({ name: 'catalog-new' });
    expect(parseRoute('#/catalog/s1')).toEqual({ name: 'catalog-service', id: 's1' });
    expect(parseRoute('#/insight')).toEqual({ name: 'insight' });
    expect(isPublicRoute(parseRoute('#/archive/a1'))).toBe(true);
    expect(isPublicRoute(parseRoute('#/catalog/new'))).toBe(false);
    expect(isPublicRoute(parseRoute('#/cases'))).toBe(false);
    for (const hash of ['#/archive', '#/archive?q=a+b&year=2026', '#/archive/a1', '#/catalog?q=x', '#/catalog/s1', '#/insight']) {
      expect(routeHref(parseRoute(hash))).toBe(hash);
    }
  });
});
