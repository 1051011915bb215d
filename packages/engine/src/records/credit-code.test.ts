import { describe, expect, it } from 'vitest';
import { compileJsonLogic } from '../expr/compile-json-logic';
import { createRng } from '../seed/create-rng';
import { creditCodeCheckChar, generateCreditCode, isValidCreditCode } from './credit-code';

describe('isValidCreditCode', () => {
  it('accepts published codes with a correct check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
  });

  it('rejects a wrong check character, a wrong length and letters outside the alphabet', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false);
    expect(isValidCreditCode(null)).toBe(false);
  });

  it('maps a check value of 31 to 0', () => {
    // Find a body whose weighted sum is 0 mod 31: all zeros.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });
});

describe('generateCreditCode', () => {
  it('always produces valid codes carrying the division code', () => {
    const rng = createRng(3);
    for (let i = 0; i < 500; i++) {
      const code = generateCreditCode(rng, '320500');
      expect(code).toMatch(/^91320500/);
      expect(isValidCreditCode(code)).toBe(true);
    }
  });
});

describe('credit_code_valid (JsonLogic extra)', () => {
  it('validates the record field it is given', () => {
    const f = compileJsonLogic({ credit_code_valid: [{ var: 'credit_code' }] });
    expect(f({ credit_code: '91350100M000100Y43' })).toBe(true);
    expect(f({ credit_code: '91350100M000100Y40' })).toBe(false);
  });
});
