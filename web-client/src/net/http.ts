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
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const response = await this.send(method, path, options, body, options.body === undefined ? undefined : 'application/json');
    const text = await response.text().catch(() => '');
    if (text !== '' && parseJson(text) === undefined) {
      throw new ApiError(response.status, ApiError.INVALID_RESPONSE, 'response is not JSON');
    }
    return parseJson(text) as T;
  }

  /** POSTs `form` as multipart/form-data (the browser writes the boundary) and reads the JSON answer. */
  async upload<T>(path: string, form: FormData, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    const response = await this.send('POST', path, options, form, undefined);
    const text = await response.text().catch(() => '');
    return parseJson(text) as T;
  }

  /** A file the API answers with (an .xlsx), named as its Content-Disposition says, else `fallbackName`. */
  async download(path: string, fallbackName: string, options: Omit<RequestOptions, 'body'> = {}): Promise<DownloadedFile> {
    const response = await this.send('GET', path, options, undefined, undefined, '*/*');
    try {
      return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName };
    } catch (cause) {
      throw new ApiError(0, ApiError.NETWORK, cause instanceof Error ? cause.message : String(cause));
    }
  }

  /** One call; resolves with a 2xx response and rejects with {@link ApiError} for everything else. */
  private async send(
    method: HttpMethod,
    path: string,
    options: Omit<RequestOptions, 'body'>,
    body: BodyInit | undefined,
    contentType: string | undefined,
    accept = 'application/json',
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (contentType) headers['Content-Type'] = contentType;
    const token = options.signedIn ? this.sessionToken() : options.token;
    if (token) headers.Authorization = `Bearer ${token}`;

    const doFetch = this.fetchFn ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(this.baseUrl + path, {
        method,
        headers,
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: options.signal,
      });
    } catch (cause) {
      throw new ApiError(0, ApiError.NETWORK, cause instanceof Error ? cause.message : String(cause));
    }
    if (!response.ok) {
      const errorBody = parseJson(await response.text().catch(() => ''));
      if (isErrorBody(errorBody)) {
        const { code, message, details } = errorBody.error;
        throw new ApiError(response.status, code, message ?? '', Array.isArray(details) ? details : []);
      }
      throw new ApiError(response.status, ApiError.HTTP, `HTTP ${response.status}`);
    }
    return response;
  }
}

/** A downloaded file and the name to save it under. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The name in `filename*=UTF-8''…` (RFC 5987), else in `filename="…"`, else null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
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
