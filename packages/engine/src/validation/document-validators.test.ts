import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../model/app';
import { DOCUMENT_SCHEMAS, documentValidator } from './document-validators';

describe('documentValidator', () => {
  it('compiles each schema once and reuses it', () => {
    expect(documentValidator('entity')).toBe(documentValidator('entity'));
    expect(documentValidator('entity')).not.toBe(documentValidator('form'));
  });

  it('has a self-contained schema for every document kind', () => {
    expect(Object.keys(DOCUMENT_SCHEMAS).sort()).toEqual([...DOCUMENT_KINDS].sort());
    for (const kind of DOCUMENT_KINDS) {
      expect([kind, DOCUMENT_SCHEMAS[kind].$defs]).toEqual([
        kind,
        expect.objectContaining({ i18nText: expect.any(Object) }),
      ]);
    }
  });
});
