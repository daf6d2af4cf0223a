import { ApiError, HttpClient } from './http';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('HttpClient', () => {
  test('sends JSON with the bearer token and returns the parsed body', async () => {
    const fetchFn = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(200, { ok: true }));
    const http = new HttpClient('', fetchFn);

    const result = await http.post<{ ok: boolean }>('/api/v1/x', { body: { a: 1 }, token: 'tok' });

    expect(result).toEqual({ ok: true });
    const [url, init] = fetchFn.mock.calls[0];
    expect(url).toBe('/api/v1/x');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"a":1}');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/json' });
  });

  test('an error body becomes an ApiError with status, code, message and details', async () => {
    const body = { error: { code: 'invalid_request', message: 'bad', details: [{ field: 'email' }] } };
    const http = new HttpClient('', vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(400, body)));

    const error = await http.get('/x').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', message: 'bad', details: [{ field: 'email' }] });
  });

  test('a non-JSON error page becomes http_error', async () => {
    const http = new HttpClient('', vi.fn<typeof fetch>().mockResolvedValue(new Response('<html>', { status: 502 })));
    await expect(http.get('/x')).rejects.toMatchObject({ status: 502, code: ApiError.HTTP });
  });

  test('an unreachable server becomes network_error with status 0', async () => {
    const http = new HttpClient('', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(http.get('/x')).rejects.toMatchObject({ status: 0, code: ApiError.NETWORK });
  });

  test('an empty success body resolves to undefined', async () => {
    const http = new HttpClient('', vi.fn<typeof fetch>().mockResolvedValue(new Response(null, { status: 204 })));
    await expect(http.post('/x')).resolves.toBeUndefined();
  });
});
