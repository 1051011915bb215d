import { describe, expect, it } from 'vitest';
import { ERROR_CODES, LatticeError } from './errors';

describe('ERROR_CODES', () => {
  it('translates every code into zh-CN and en and maps it to an HTTP status', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^LATTICE_ERR_[A-Z_]+$/);
      expect(entry.user.zh.length, code).toBeGreaterThan(0);
      expect(entry.user.en.length, code).toBeGreaterThan(0);
      expect(entry.dev.length, code).toBeGreaterThan(0);
      expect(entry.status).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('LatticeError', () => {
  it('leads its developer message with the offending path', () => {
    const e = new LatticeError('LATTICE_ERR_VALIDATION', [
      { path: 'fields.3.type', message: { zh: '类型无效', en: 'expected one of text, number…, got "txt"' } },
    ]);
    expect(e.message).toContain('At fields.3.type: expected one of');
    expect(e.status).toBe(400);
  });

  it('renders the body in the requested language', () => {
    const e = new LatticeError('LATTICE_ERR_NOT_FOUND');
    expect(e.toBody('en').error).toEqual({
      code: 'LATTICE_ERR_NOT_FOUND',
      message: 'Not found',
      details: [],
    });
    expect(e.toBody('zh-CN').error.message).toBe('记录不存在');
  });
});
