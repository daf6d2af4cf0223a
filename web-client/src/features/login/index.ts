export { AccountSummary, roleLabel } from './account-summary';
export { LoginRequestEvent, LogoutRequestEvent } from './events';
export { LoginForm } from './login-form';
