import { routeCodec } from '../app/routes';
import '../app/yoriai-app';
import type { YoriaiApp } from '../app/yoriai-app';
import { AccountApi } from '../net/account-api';
import { ArchiveApi } from '../net/archive-api';
import { AuthApi } from '../net/auth-api';
import { CaseApi } from '../net/case-api';
import { CatalogApi } from '../net/catalog-api';
import { HomeApi } from '../net/home-api';
import { HttpClient } from '../net/http';
import { InsightApi } from '../net/insight-api';
import { MeetingApi } from '../net/meeting-api';
import { NotificationApi } from '../net/notification-api';
import type { User } from '../net/protocol';
import { RouterStore } from '../state/router';
import { SignInStore, TOKEN_STORAGE_KEY } from '../state/sign-in';
import { FakeSocketServer } from './fake-socket';

/**
 * Mounts the whole shell at `address` (a hash, `#/cases`, or a real path, `/archive?q=…`) with the
 * real API clients over the global fetch (tests stub it). With a token the session is restored
 * first, so `/api/v1/auth/me` must answer.
 */
export async function mountApp(address: string, token: string | null = null): Promise<YoriaiApp> {
  // '' keeps the address a test set itself (e.g. /setup?token=…)
  if (address !== '') window.history.replaceState(null, '', address.startsWith('/') ? address : `/${address}`);
  if (token) sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  const session = new SignInStore(new AuthApi(new HttpClient()), sessionStorage);
  const http = new HttpClient('', undefined, () => session.token);
  const app = document.createElement('yoriai-app');
  app.signIn = session;
  app.services = {
    router: new RouterStore(routeCodec, window),
    cases: new CaseApi(http),
    meetings: new MeetingApi(http),
    archive: new ArchiveApi(http),
    catalog: new CatalogApi(http),
    insights: new InsightApi(http),
    home: new HomeApi(http),
    notifications: new NotificationApi(http),
    accounts: new AccountApi(http),
    socketFactory: new FakeSocketServer().factory,
    socketUrl: 'ws://test/ws',
  };
  document.body.append(app);
  await session.restore();
  await app.updateComplete;
  return app;
}

export const companyUser: User = {
  id: 'u-c',
  email: 'sales@example.co.jp',
  displayName: '山田 商事',
  role: 'company',
  organization: { name: 'ぐんまマート', kind: 'company', prefecture: '群馬県' },
};
