import { describe, expect, it } from 'vitest';
import { satisfiesEngineRange } from './satisfies-engine-range';
import { compareSemver, parseSemver } from './semver';

describe('compareSemver', () => {
  it('orders by major, minor, patch numerically', () => {
    expect(compareSemver('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareSemver('0.1.0', '0.1.0')).toBe(0);
    expect(compareSemver('0.1.2', '0.2.0')).toBeLessThan(0);
  });

  it('sorts a prerelease before its release', () => {
    expect(compareSemver('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
    expect(compareSemver('1.0.0-rc.2', '1.0.0-rc.10')).toBeLessThan(0);
  });

  it('rejects text that is not a version', () => {
    expect(parseSemver('1.0')).toBeUndefined();
    expect(() => compareSemver('x', '1.0.0')).toThrow();
  });
});

describe('satisfiesEngineRange', () => {
  it('handles comparator sets, caret, tilde, star and alternatives', () => {
    expect(satisfiesEngineRange('>=0.1.0 <1.0.0', '0.4.2')).toBe(true);
    expect(satisfiesEngineRange('>=0.1.0 <1.0.0', '1.0.0')).toBe(false);
    expect(satisfiesEngineRange('^1.2.0', '1.9.0')).toBe(true);
    expect(satisfiesEngineRange('^1.2.0', '2.0.0')).toBe(false);
    expect(satisfiesEngineRange('^0.2.1', '0.3.0')).toBe(false);
    expect(satisfiesEngineRange('~1.2.0', '1.2.9')).toBe(true);
    expect(satisfiesEngineRange('~1.2.0', '1.3.0')).toBe(false);
    expect(satisfiesEngineRange('*', '5.0.0')).toBe(true);
    expect(satisfiesEngineRange('^2.0.0 || ^0.1.0', '0.1.5')).toBe(true);
  });

  it('never matches a malformed range', () => {
    expect(satisfiesEngineRange('>=banana', '0.1.0')).toBe(false);
    expect(satisfiesEngineRange('', '0.1.0')).toBe(false);
  });
});
