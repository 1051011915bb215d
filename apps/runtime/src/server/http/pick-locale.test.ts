import { describe, expect, it } from 'vitest';
import { pickLocale } from './pick-locale';

describe('pickLocale', () => {
  it('defaults to zh-CN without a header', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
  });
  it('picks en for an English header', () => {
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
  });
  it('follows the highest weight', () => {
    expect(pickLocale('en;q=0.5,zh-CN;q=0.9')).toBe('zh-CN');
    expect(pickLocale('zh-CN;q=0.4, en;q=0.8')).toBe('en');
  });
  it('falls back to zh-CN for other languages', () => {
    expect(pickLocale('fr-FR')).toBe('zh-CN');
  });
});
