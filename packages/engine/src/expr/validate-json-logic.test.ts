import { describe, expect, it } from 'vitest';
import { validateJsonLogic } from './validate-json-logic';

describe('validateJsonLogic', () => {
  it('accepts valid expressions with standard and extra operators', () => {
    expect(
      validateJsonLogic(
        {
          and: [
            { '>': [{ days_since: { var: 'last_contact' } }, 30] },
            { in: [{ var: 'region' }, ['华东']] },
          ],
        },
        'condition',
      ),
    ).toEqual([]);
    expect(validateJsonLogic(42, 'x')).toEqual([]);
  });

  it('names the path of an unknown operator', () => {
    const errors = validateJsonLogic({ and: [true, { frobnicate: 1 }] }, 'condition');
    expect(errors.map((e) => e.path)).toEqual(['condition.and.1.frobnicate']);
    expect(errors[0]?.reason).toBe('LATTICE_ERR_EXPRESSION');
    expect(errors[0]?.message.zh).toContain('frobnicate');
  });

  it('rejects an object with several keys', () => {
    const errors = validateJsonLogic({ or: [{ var: 'a', '==': [1, 1] }] }, 'rules.0');
    expect(errors.map((e) => e.path)).toEqual(['rules.0.or.0']);
  });

  it('rejects a wrong number of arguments', () => {
    const errors = validateJsonLogic({ if: [{ '==': [1] }, { '/': [1, 2, 3] }] }, '');
    expect(errors.map((e) => e.path)).toEqual(['if.0.==', 'if.1./']);
    expect(errors[1]?.message.en).toContain('takes 2');
  });

  it('returns every error, not just the first', () => {
    expect(validateJsonLogic([{ nope: 1 }, { map: [[1], { alsoNope: 2 }] }], 'v')).toHaveLength(2);
  });
});
