import { AccountApi } from '../net/account-api';
import { ArchiveApi } from '../net/archive-api';
import { CaseApi } from '../net/case-api';
import { CatalogApi } from '../net/catalog-api';
import { HomeApi } from '../net/home-api';
import { HttpClient } from '../net/http';
import { InsightApi } from '../net/insight-api';
import { MeetingApi } from '../net/meeting-api';
import { NotificationApi } from '../net/notification-api';
import { browserSocketFactory, meetingSocketUrl } from '../net/socket';
import { RouterStore } from '../state/router';
import type { SignInStore } from '../state/sign-in';
import { routeCodec, type AppServices } from './routes';

/** The browser's services; every API call marked signed-in carries `signIn`'s token. */
export function defaultServices(signIn: SignInStore): AppServices {
  const http = new HttpClient('', undefined, () => signIn.token);
  return {
    router: new RouterStore(routeCodec, window),
    cases: new CaseApi(http),
    meetings: new MeetingApi(http),
    archive: new ArchiveApi(http),
    catalog: new CatalogApi(http),
    insights: new InsightApi(http),
    home: new HomeApi(http),
    notifications: new NotificationApi(http),
    accounts: new AccountApi(http),
    socketFactory: browserSocketFactory,
    socketUrl: meetingSocketUrl(window.location),
  };
}
