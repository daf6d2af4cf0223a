export { AccountSummary } from './account-summary';
export { LoginRequestEvent, LogoutRequestEvent } from './events';
export { LoginForm } from './login-form';
