import { describe, expect, it } from 'vitest';
import { fillPath, matchPath } from './router';

describe('matchPath', () => {
  it('returns decoded params when every segment matches', () => {
    expect(matchPath('/apps/:app/e/:entity', '/apps/mfg-crm/e/customer')).toEqual({
      app: 'mfg-crm',
      entity: 'customer',
    });
  });

  it('returns null when the segment count or a literal differs', () => {
    expect(matchPath('/apps/:app', '/apps/mfg-crm/e')).toBeNull();
    expect(matchPath('/apps/:app/e/:entity', '/apps/x/v/y')).toBeNull();
  });

  it('ignores a trailing slash', () => {
    expect(matchPath('/inbox', '/inbox/')).toEqual({});
  });
});

describe('fillPath', () => {
  it('encodes each param into the pattern', () => {
    expect(fillPath('/apps/:app/e/:entity', { app: 'a', entity: 'b c' })).toBe('/apps/a/e/b%20c');
  });
});
