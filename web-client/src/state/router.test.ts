import { parseRoute, routeHref } from './router';

describe('hash routes', () => {
  test('parse the signed-in pages and round-trip through routeHref', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/cases')).toEqual({ name: 'cases' });
    expect(parseRoute('#/cases/new')).toEqual({ name: 'case-new' });
    expect(parseRoute('#/cases/c%201')).toEqual({ name: 'case', id: 'c 1' });
    expect(parseRoute('#/meetings')).toEqual({ name: 'meetings' });
    expect(parseRoute('#/meetings/new')).toEqual({ name: 'meeting-new' });
    expect(parseRoute('#/meetings/m1?invite=AB12')).toEqual({ name: 'meeting', id: 'm1', inviteCode: 'AB12' });
    expect(parseRoute('#/elsewhere')).toMatchObject({ name: 'not-found' });
    for (const hash of ['#/cases', '#/cases/new', '#/cases/c1', '#/meetings/m1?invite=AB12']) {
      expect(routeHref(parseRoute(hash))).toBe(hash);
    }
  });
});
