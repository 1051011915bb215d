import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('loadFileUrls', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('batches the ids asked for in one tick into one request and caches the answers', async () => {
    const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
      const ids = (JSON.parse(String(init.body)) as { ids: string[] }).ids;
      // The server leaves out ids the caller may not read.
      return json({
        urls: Object.fromEntries(ids.filter((id) => id !== 'f3').map((id) => [id, `/u/${id}`])),
      });
    });
    vi.stubGlobal('fetch', fetchMock);
    const { fileUrl, loadFileUrls } = await import('./file-urls');
    await Promise.all([loadFileUrls('app', ['f1', 'f2']), loadFileUrls('app', ['f2', 'f3'])]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1].body))).toEqual({ ids: ['f1', 'f2', 'f3'] });
    expect([fileUrl('f1'), fileUrl('f2'), fileUrl('f3')]).toEqual(['/u/f1', '/u/f2', undefined]);
    await loadFileUrls('app', ['f1', 'f2']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
