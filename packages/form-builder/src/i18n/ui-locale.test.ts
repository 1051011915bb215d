import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('UI locale store', () => {
  it('starts in zh-CN when localStorage refuses access (opaque origin) instead of failing to load', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
    });
    const { getLocale } = await import('./ui-locale');
    expect(getLocale()).toBe('zh-CN');
  });

  it('starts in the stored language and ignores unknown values', async () => {
    vi.stubGlobal('localStorage', { getItem: () => 'en' });
    expect((await import('./ui-locale')).getLocale()).toBe('en');
    vi.resetModules();
    vi.stubGlobal('localStorage', { getItem: () => 'fr' });
    expect((await import('./ui-locale')).getLocale()).toBe('zh-CN');
  });
});
