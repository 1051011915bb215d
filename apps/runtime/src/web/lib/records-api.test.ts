import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listQueryString } from './records-api';

describe('listQueryString', () => {
  beforeEach(() => {
    const data = new Map<string, string>([
      [
        'lattice.session',
        JSON.stringify({
          accessToken: 'a',
          refreshToken: 'r',
          user: { id: 'u-7', username: 'zhang', roles: ['sales'] },
        }),
      ],
    ]);
    vi.stubGlobal('localStorage', { getItem: (k: string) => data.get(k) ?? null });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('binds $user vars of a view filter to the signed-in user', () => {
    const qs = new URLSearchParams(
      listQueryString({ filter: { '==': [{ var: 'assignee' }, { var: '$user.id' }] }, limit: 20 }).slice(1),
    );
    expect(JSON.parse(qs.get('filter')!)).toEqual({ '==': [{ var: 'assignee' }, 'u-7'] });
    expect(qs.get('limit')).toBe('20');
  });

  it('sends sort as JSON, trims q and leaves out empty parts', () => {
    const text = listQueryString({ sort: [{ field: 'name', dir: 'desc' }], q: '  华东 ', cursor: null });
    const qs = new URLSearchParams(text.slice(1));
    expect(JSON.parse(qs.get('sort')!)).toEqual([{ field: 'name', dir: 'desc' }]);
    expect(qs.get('q')).toBe('华东');
    expect(qs.has('cursor')).toBe(false);
    expect(listQueryString({})).toBe('');
  });
});
