import './styles.css';
import { defaultServices } from './app/default-services';
import './app/yoriai-app';
import { AuthApi } from './net/auth-api';
import { HttpClient } from './net/http';
import { SignInStore } from './state/sign-in';

function browserSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

// The server's rendering of a public page (for readers without JavaScript and crawlers); the app renders its own.
document.getElementById('server-page')?.remove();

// Sign-in calls carry their own token; every other call reads it from the sign-in (defaultServices).
const signIn = new SignInStore(new AuthApi(new HttpClient()), browserSessionStorage());
const app = document.querySelector('yoriai-app') ?? document.body.appendChild(document.createElement('yoriai-app'));
app.signIn = signIn;
app.services = defaultServices(signIn);
void signIn.restore();
