import { describe, expect, it } from 'vitest';
import { fillPath, matchPath } from './router';

describe('matchPath', () => {
  it('extracts named params segment by segment', () => {
    expect(matchPath('/apps/:app/entities/:entity', '/apps/mfg-crm/entities/customer')).toEqual({
      app: 'mfg-crm',
      entity: 'customer',
    });
  });
  it('refuses paths of another length or with a different literal segment', () => {
    expect(matchPath('/apps/:app', '/apps/x/entities')).toBeNull();
    expect(matchPath('/apps/:app/forms', '/apps/x/views')).toBeNull();
  });
  it('treats a trailing slash like none', () => {
    expect(matchPath('/apps', '/apps/')).toEqual({});
  });
});

describe('fillPath', () => {
  it('puts params back into a pattern', () => {
    expect(fillPath('/apps/:app/publish', { app: 'mfg-crm' })).toBe('/apps/mfg-crm/publish');
  });
});
