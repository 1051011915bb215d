import { describe, expect, it } from 'vitest';
import { withOptional } from './with-optional';

describe('withOptional', () => {
  it('sets a value, and leaves the key out (not undefined) when there is none', () => {
    const doc: { name: string; filter?: unknown } = { name: 'a', filter: { '==': [1, 1] } };
    expect(withOptional(doc, 'filter', { '>': [2, 1] })).toEqual({ name: 'a', filter: { '>': [2, 1] } });
    const cleared = withOptional(doc, 'filter', undefined);
    expect(cleared).toEqual({ name: 'a' });
    expect('filter' in cleared).toBe(false);
    expect(doc.filter).toEqual({ '==': [1, 1] });
  });
});
