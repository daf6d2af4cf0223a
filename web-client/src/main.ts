import './styles.css';
import { defaultServices } from './app/yoriai-app';
import { AuthApi } from './net/auth-api';
import { HttpClient } from './net/http';
import { SessionStore } from './state/session';

function browserSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const session = new SessionStore(new AuthApi(new HttpClient()), browserSessionStorage());
const app = document.querySelector('yoriai-app') ?? document.body.appendChild(document.createElement('yoriai-app'));
app.session = session;
app.services = defaultServices();
void session.restore();
