import { isErrorBody } from './protocol';

/**
 * Thrown for every failed call. `status` is the HTTP status, or 0 when the server could not be
 * reached. `code` is the server's error code, or one of the client codes below.
 */
export class ApiError extends Error {
  /** The request never got a response (offline, DNS, connection refused, aborted). */
  static readonly NETWORK = 'network_error';
  /** A non-2xx response without the §7 error body (e.g. a proxy's HTML page). */
  static readonly HTTP = 'http_error';
  /** A 2xx response whose body is not the expected JSON. */
  static readonly INVALID_RESPONSE = 'invalid_response';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly unknown[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>` (sign-in calls, which know their token themselves). */
  token?: string | null;
  /** Sends the signed-in session's token, read from the client's token source at call time. */
  signedIn?: boolean;
  signal?: AbortSignal;
}

/**
 * A small JSON client for the Yoriai API on the page's own origin. Resolves with the parsed
 * body (or `undefined` for an empty one) and rejects only with {@link ApiError}. It holds the
 * signed-in session's token (through `sessionToken`), so a call marked `signedIn` is authorized
 * without the caller knowing the token.
 */
export class HttpClient {
  constructor(
    private readonly baseUrl = '',
    /** Defaults to the global `fetch`, looked up at call time. */
    private readonly fetchFn?: typeof fetch,
    /** The signed-in session's bearer token, or null while signed out (see `SignInStore.token`). */
    private readonly sessionToken: () => string | null = () => null,
  ) {}

  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, options);
  }

  put<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, options);
  }

  patch<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, options);
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const token = options.signedIn ? this.sessionToken() : options.token;
    if (token) headers.Authorization = `Bearer ${token}`;

    const doFetch = this.fetchFn ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(this.baseUrl + path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: options.signal,
      });
    } catch (cause) {
      throw new ApiError(0, ApiError.NETWORK, cause instanceof Error ? cause.message : String(cause));
    }

    const text = await response.text().catch(() => '');
    const body = parseJson(text);

    if (!response.ok) {
      if (isErrorBody(body)) {
        const { code, message, details } = body.error;
        throw new ApiError(response.status, code, message ?? '', Array.isArray(details) ? details : []);
      }
      throw new ApiError(response.status, ApiError.HTTP, `HTTP ${response.status}`);
    }
    if (text !== '' && body === undefined) {
      throw new ApiError(response.status, ApiError.INVALID_RESPONSE, 'response is not JSON');
    }
    return body as T;
  }
}

/** `?a=1&b=2` from the non-empty parameters among `names` (all of them by default), or '' when none. */
export function queryString(
  params: Readonly<Record<string, string | undefined>>,
  names: readonly string[] = Object.keys(params),
): string {
  const search = new URLSearchParams();
  for (const name of names) {
    const value = params[name];
    if (value !== undefined && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
