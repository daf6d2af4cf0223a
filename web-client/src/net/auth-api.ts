import { ApiError, type HttpClient } from './http';
import { isLoginResponse, isUser, type LoginRequest, type LoginResponse, type User } from './protocol';

/** The `/api/v1/auth` endpoints of §7. */
export class AuthApi {
  constructor(private readonly http: HttpClient) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const body: LoginRequest = { email, password };
    const response = await this.http.post<unknown>('/api/v1/auth/login', { body });
    if (!isLoginResponse(response)) throw invalid('login');
    return response;
  }

  /** The signed-in user; rejects with status 401 when the token expired or was revoked. */
  async me(token: string): Promise<User> {
    const response = await this.http.get<unknown>('/api/v1/auth/me', { token });
    if (!isUser(response)) throw invalid('me');
    return response;
  }

  /** Revokes the token on the server. */
  async logout(token: string): Promise<void> {
    await this.http.post<unknown>('/api/v1/auth/logout', { token });
  }
}

function invalid(what: string): ApiError {
  return new ApiError(200, ApiError.INVALID_RESPONSE, `unexpected ${what} response`);
}
