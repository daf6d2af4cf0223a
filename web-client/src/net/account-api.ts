import { str } from './archive-api';
import { invalid } from './case-api';
import { type HttpClient, queryString } from './http';
import { isLoginResponse, isObject, isUser, type LoginResponse, type Role, type User } from './protocol';
import type { OrganizationKind } from './protocol.generated';

/**
 * The account endpoints of issue 16 (docs/api.md): sign-up, password reset and first-run setup
 * (public), and the admin console's accounts, organizations and outbox.
 */

/** The server's `account/Professions.NAMES`, in its order (the server's ProfessionsInTheWebClientTest keeps them equal). */
export const PROFESSIONS = [
  '介護支援専門員', '主任介護支援専門員', '理学療法士', '作業療法士', '言語聴覚士',
  '看護師', '保健師', '管理栄養士', '歯科衛生士', '薬剤師', '医師', '歯科医師',
  '社会福祉士', '介護福祉士', '生活支援コーディネーター', '訪問介護員', 'その他',
] as const;

export const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['municipality', 'support_center', 'care_provider', 'company', 'npo'];
export const ROLES: readonly Role[] = ['admin', 'municipality', 'professional', 'company'];

export type AccountState = 'unconfirmed' | 'pending' | 'active' | 'rejected' | 'disabled';
export const ACCOUNT_STATES: readonly AccountState[] = ['unconfirmed', 'pending', 'active', 'rejected', 'disabled'];

export interface NewOrganization {
  name: string;
  kind: string;
  prefecture: string;
}

/** `POST /api/v1/signup`: a company or a professional asks to join. */
export interface SignUpRequest {
  email: string;
  password: string;
  displayName: string;
  role: 'company' | 'professional';
  organization: NewOrganization;
  profession?: string;
}

/** `POST /api/v1/accounts` (admin): without a password the person gets an invitation mail to set one. */
export interface NewAccountRequest {
  email: string;
  password?: string;
  displayName: string;
  role: Role;
  organization: NewOrganization;
  profession?: string;
}

/** `POST /api/v1/setup`: the first admin and their organization. */
export interface SetupRequest {
  token: string;
  email: string;
  password: string;
  displayName: string;
  organization: NewOrganization;
}

export interface AccountChange {
  role?: Role;
  profession?: string;
  displayName?: string;
}

/** An account as the admin sees it. */
export interface Account extends User {
  state: AccountState;
  createdAt: string;
}

export interface OrganizationSummary {
  id: string;
  name: string;
  kind: string;
  prefecture: string;
  accounts: number;
}

/** One mail of the outbox (`GET /api/v1/outbox`). */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  state: string;
  attempts: number;
  createdAt: string;
  sentAt: string;
  lastError: string;
}

/** Why a password was refused (`422 weak_password`'s detail), in both languages. */
export interface WeakPassword {
  problem: string;
  problemJa: string;
}

export function weakPassword(details: readonly unknown[]): WeakPassword | null {
  const detail = details.find(isObject);
  if (!detail || typeof detail.problem !== 'string') return null;
  return { problem: detail.problem, problemJa: str(detail.problemJa) || detail.problem };
}

export class AccountApi {
  constructor(private readonly http: HttpClient) {}

  async signUp(request: SignUpRequest): Promise<void> {
    await this.http.post<unknown>('/api/v1/signup', { body: request });
  }

  /** Confirms a sign-up's address with the token of its mailed link; `400 invalid_token` when unknown, used or expired. */
  async confirmSignUp(token: string): Promise<void> {
    await this.http.post<unknown>('/api/v1/signup/confirm', { body: { token } });
  }

  async requestReset(email: string): Promise<void> {
    await this.http.post<unknown>('/api/v1/auth/reset-request', { body: { email } });
  }

  async resetPassword(token: string, password: string): Promise<void> {
    await this.http.post<unknown>('/api/v1/auth/reset', { body: { token, password } });
  }

  async setupNeeded(signal?: AbortSignal): Promise<boolean> {
    const response = await this.http.get<unknown>('/api/v1/setup', { signal });
    if (!isObject(response) || typeof response.needed !== 'boolean') throw invalid('setup');
    return response.needed;
  }

  /** Creates the first admin; the answer is a sign-in like `POST /api/v1/auth/login`'s. */
  async setUp(request: SetupRequest): Promise<LoginResponse> {
    const response = await this.http.post<unknown>('/api/v1/setup', { body: request });
    if (!isLoginResponse(response)) throw invalid('setup');
    return response;
  }

  async accounts(state: AccountState | null, signal?: AbortSignal): Promise<Account[]> {
    const response = await this.http.get<unknown>(`/api/v1/accounts${queryString({ state: state ?? undefined })}`, { signedIn: true, signal });
    if (!isObject(response) || !Array.isArray(response.accounts)) throw invalid('accounts');
    return response.accounts.filter(isUser).map(toAccount);
  }

  create(request: NewAccountRequest): Promise<Account> {
    return this.account(this.http.post<unknown>('/api/v1/accounts', { body: request, signedIn: true }));
  }

  update(id: string, change: AccountChange): Promise<Account> {
    return this.account(this.http.patch<unknown>(`/api/v1/accounts/${encodeURIComponent(id)}`, { body: change, signedIn: true }));
  }

  approve(id: string): Promise<Account> {
    return this.account(this.http.post<unknown>(`${this.path(id)}/approve`, { signedIn: true }));
  }

  reject(id: string, reason: string): Promise<Account> {
    return this.account(this.http.post<unknown>(`${this.path(id)}/reject`, { body: reason ? { reason } : {}, signedIn: true }));
  }

  async disable(id: string): Promise<void> {
    await this.http.post<unknown>(`${this.path(id)}/disable`, { signedIn: true });
  }

  enable(id: string): Promise<Account> {
    return this.account(this.http.post<unknown>(`${this.path(id)}/enable`, { signedIn: true }));
  }

  async resendInvitation(id: string): Promise<void> {
    await this.http.post<unknown>(`${this.path(id)}/invitation`, { signedIn: true });
  }

  async organizations(signal?: AbortSignal): Promise<OrganizationSummary[]> {
    const response = await this.http.get<unknown>('/api/v1/organizations', { signedIn: true, signal });
    if (!isObject(response) || !Array.isArray(response.organizations)) throw invalid('organizations');
    return response.organizations.filter(isObject).map((o) => ({
      id: str(o.id), name: str(o.name), kind: str(o.kind), prefecture: str(o.prefecture),
      accounts: typeof o.accounts === 'number' ? o.accounts : 0,
    }));
  }

  async outbox(signal?: AbortSignal): Promise<OutboxMail[]> {
    const response = await this.http.get<unknown>('/api/v1/outbox', { signedIn: true, signal });
    if (!isObject(response) || !Array.isArray(response.mails)) throw invalid('outbox');
    return response.mails.filter(isObject).map((m) => ({
      id: str(m.id), to: str(m.to), subject: str(m.subject), text: str(m.text), state: str(m.state),
      attempts: typeof m.attempts === 'number' ? m.attempts : 0,
      createdAt: str(m.createdAt), sentAt: str(m.sentAt), lastError: str(m.lastError),
    }));
  }

  private path(id: string): string {
    return `/api/v1/accounts/${encodeURIComponent(id)}`;
  }

  private async account(call: Promise<unknown>): Promise<Account> {
    const response = await call;
    if (!isUser(response)) throw invalid('account');
    return toAccount(response);
  }
}

function toAccount(user: User): Account {
  const raw = user as User & Record<string, unknown>;
  const state = ACCOUNT_STATES.find((s) => s === raw.state) ?? (raw.disabledAt ? 'disabled' : 'active');
  return { ...user, state, createdAt: str(raw.createdAt) };
}
