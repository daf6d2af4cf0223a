/**
 * Wire types mirroring PRODUCT.md §7. Only what the client uses so far; the server may add
 * fields, so these are read leniently.
 */

export type Role = 'admin' | 'municipality' | 'professional' | 'company';

export interface Organization {
  name: string;
  kind: string;
  prefecture: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organization: Organization;
  profession?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  user: User;
}

/** The body of every non-2xx response: `{"error": {"code", "message", "details"}}`. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: unknown[];
  };
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (!isObject(value) || !isObject(value.error)) return false;
  return typeof value.error.code === 'string';
}

export function isUser(value: unknown): value is User {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.email === 'string' &&
    typeof value.displayName === 'string' &&
    typeof value.role === 'string' &&
    isObject(value.organization) &&
    typeof value.organization.name === 'string' &&
    (value.profession === undefined || value.profession === null || typeof value.profession === 'string')
  );
}

export function isLoginResponse(value: unknown): value is LoginResponse {
  return isObject(value) && typeof value.token === 'string' && isUser(value.user);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
