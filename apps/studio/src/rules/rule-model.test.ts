import { describe, expect, it } from 'vitest';
import {
  defaultTrigger,
  formatValueInput,
  move,
  newRule,
  parseValueInput,
  setValueEntry,
} from './rule-model';

describe('rule designer model', () => {
  it('reads typed values as JSON when they parse, else as text', () => {
    expect(parseValueInput('42')).toBe(42);
    expect(parseValueInput('true')).toBe(true);
    expect(parseValueInput('{"now":[]}')).toEqual({ now: [] });
    expect(parseValueInput('red')).toBe('red');
  });

  it('shows strings bare unless they would read back as another type', () => {
    expect(formatValueInput('red')).toBe('red');
    expect(formatValueInput('42')).toBe('"42"');
    expect(parseValueInput(formatValueInput('42'))).toBe('42');
    expect(formatValueInput({ var: 'amount' })).toBe('{"var":"amount"}');
  });

  it('renames a value-map entry in place', () => {
    expect(Object.keys(setValueEntry({ a: 1, b: 2, c: 3 }, 'b', 'x', 9))).toEqual(['a', 'x', 'c']);
    expect(setValueEntry({ a: 1 }, '', 'b', 2)).toEqual({ a: 1, b: 2 });
  });

  it('moves actions up and down, ignoring moves past the ends', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('starts a relative timer at 24 h after creation', () => {
    expect(defaultTrigger('relative_timer', undefined, [])).toEqual({
      type: 'relative_timer',
      after: { hours: 24 },
      from: 'created_at',
    });
    expect(newRule('r', { zh: '规则', en: 'Rule' }, 'lead')).toMatchObject({
      kind: 'rule',
      enabled: true,
      actions: [],
    });
  });
});
