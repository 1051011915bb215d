import { describe, expect, it } from 'vitest';
import { formatErrorDetail } from './format-error-detail';
import { formatValidationMessage, VALIDATION_MESSAGES } from './validation-messages';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('VALIDATION_MESSAGES', () => {
  it('has a non-empty message in both languages for every key', () => {
    for (const [key, { en, zh }] of Object.entries(VALIDATION_MESSAGES)) {
      expect([key, en.length > 0, zh.length > 0]).toEqual([key, true, true]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, { en, zh }] of Object.entries(VALIDATION_MESSAGES)) {
      expect([key, placeholders(zh)]).toEqual([key, placeholders(en)]);
    }
  });
});

describe('formatValidationMessage', () => {
  it('fills placeholders per language, picking translated parameters', () => {
    expect(
      formatValidationMessage('duplicate', { what: { en: 'field id', zh: '字段标识' }, actual: '"name"' }),
    ).toEqual({ en: 'duplicate field id "name"', zh: '字段标识重复："name"' });
  });

  it('leaves unknown placeholders visible', () => {
    expect(formatValidationMessage('autonumberCounter', { actual: '"CUS-"' }).en).toBe(
      'pattern "CUS-" needs a counter such as {0000}',
    );
  });
});

describe('formatErrorDetail', () => {
  const detail = {
    path: 'fields.3.type',
    message: formatValidationMessage('enum', { expected: 'text, number', actual: '"txt"' }),
  };

  it('leads with the path in English', () => {
    expect(formatErrorDetail(detail, 'en')).toBe('At fields.3.type: expected one of text, number, got "txt"');
  });

  it('leads with the path in Chinese by default', () => {
    expect(formatErrorDetail(detail)).toBe('位置 fields.3.type：应为以下之一：text, number，实际为 "txt"');
  });
});
