import { isLatticeError } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE, parseListQuery } from './parse-list-query';

describe('parseListQuery', () => {
  it('reads the dash-prefixed sort style', () => {
    expect(parseListQuery({ sort: '-amount,name' }).sort).toEqual([
      { field: 'amount', dir: 'desc' },
      { field: 'name', dir: 'asc' },
    ]);
  });
  it('reads a JSON sort', () => {
    expect(parseListQuery({ sort: '[{"field":"a","dir":"desc"}]' }).sort).toEqual([
      { field: 'a', dir: 'desc' },
    ]);
  });
  it('caps the page size', () => {
    expect(parseListQuery({ limit: 5000 }).limit).toBe(MAX_PAGE_SIZE);
  });
  it('parses the filter as JSON', () => {
    expect(parseListQuery({ filter: '{"==":[{"var":"tier"},"A"]}' }).filter).toEqual({
      '==': [{ var: 'tier' }, 'A'],
    });
  });
  it('refuses a filter that is not JSON with the path "filter"', () => {
    try {
      parseListQuery({ filter: '{oops' });
      expect.unreachable();
    } catch (e) {
      expect(isLatticeError(e) && e.details[0]?.path).toBe('filter');
    }
  });
});
