import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const session = {
  accessToken: 'old',
  refreshToken: 'r1',
  user: { id: 'u1', username: 'admin', roles: ['admin'] },
};

describe('api()', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubGlobal('localStorage', memoryStorage());
    localStorage.setItem('lattice.session', JSON.stringify(session));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('refreshes the session once on 401 and retries with the new token', async () => {
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).Authorization;
      if (url === '/api/auth/refresh') return json(200, { accessToken: 'new', refreshToken: 'r2' });
      return auth === 'Bearer new'
        ? json(200, { ok: true })
        : json(401, { error: { code: 'X', message: 'expired', details: [] } });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { api, loadSession } = await import('./api');
    await expect(api('GET', '/api/x')).resolves.toEqual({ ok: true });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/x', '/api/auth/refresh', '/api/x']);
    expect(loadSession()).toMatchObject({ accessToken: 'new', refreshToken: 'r2' });
  });

  it('ends the session as expired when the refresh token is refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(401, { error: { code: 'LATTICE_ERR_UNAUTHENTICATED', message: '请登录', details: [] } }),
      ),
    );
    const { api, loadSession, sessionExpired, ApiError } = await import('./api');
    const error = await api('GET', '/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as InstanceType<typeof ApiError>).status).toBe(401);
    expect(loadSession()).toBeNull();
    expect(sessionExpired()).toBe(true);
  });

  it('keeps the server message and field paths of an error body', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(400, {
          error: {
            code: 'LATTICE_ERR_VALIDATION',
            message: '校验失败',
            details: [{ path: 'name', message: '必填' }],
          },
        }),
      ),
    );
    const { api } = await import('./api');
    const error = (await api('POST', '/api/x', {}).catch((e: unknown) => e)) as {
      message: string;
      byPath(): unknown;
    };
    expect(error.message).toBe('校验失败');
    expect(error.byPath()).toEqual({ name: '必填' });
  });
});
