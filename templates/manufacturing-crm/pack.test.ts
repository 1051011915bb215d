import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('manufacturing-crm pack', () => {
  it('declares the mfg-crm app id and a semver version', () => {
    const pack = JSON.parse(readFileSync(new URL('./pack.json', import.meta.url), 'utf8'));
    expect(pack.id).toBe('mfg-crm');
    expect(pack.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
