import { ApiError, HttpClient, fileNameOf } from './http';

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

  test('a download carries the sign-in and is named by its RFC 5987 file name', async () => {
    const fetchFn = vi.fn<typeof fetch>().mockResolvedValue(new Response(new Uint8Array([80, 75, 3, 4]), {
      status: 200,
      headers: { 'Content-Disposition': "attachment; filename=\"minutes.xlsx\"; filename*=UTF-8''%E8%AD%B0%E4%BA%8B%E9%8C%B2.xlsx" },
    }));
    const http = new HttpClient('', fetchFn, () => 'tok');

    const file = await http.download('/api/v1/meetings/m1/minutes.xlsx', 'fallback.xlsx', { signedIn: true });

    expect(file.fileName).toBe('議事録.xlsx');
    expect(file.blob.size).toBe(4);
    expect(fetchFn.mock.calls[0][1]?.headers).toMatchObject({ Authorization: 'Bearer tok' });
  });

  test('an upload sends the form as it is (the browser writes the multipart boundary) and refusals keep their details', async () => {
    const body = { error: { code: 'invalid_cells', message: 'bad', details: [{ sheet: '事例提出シート', cell: 'C9', code: 'required' }] } };
    const fetchFn = vi.fn<typeof fetch>().mockResolvedValue(jsonResponse(400, body));
    const http = new HttpClient('', fetchFn, () => 'tok');
    const form = new FormData();
    form.append('file', new Blob(['x']), 'a.xlsx');

    const error = await http.upload('/api/v1/cases/import', form, { signedIn: true }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 400, code: 'invalid_cells', details: [{ cell: 'C9' }] });
    expect(fetchFn.mock.calls[0][1]?.body).toBe(form);
    expect(fetchFn.mock.calls[0][1]?.headers).not.toHaveProperty('Content-Type');
  });

  test('file names: the UTF-8 one first, else the plain one, else none', () => {
    expect(fileNameOf('attachment; filename="a.xlsx"')).toBe('a.xlsx');
    expect(fileNameOf("attachment; filename*=UTF-8''%E4%BA%8B%E4%BE%8B.xlsx")).toBe('事例.xlsx');
    expect(fileNameOf(null)).toBeNull();
  });
});
