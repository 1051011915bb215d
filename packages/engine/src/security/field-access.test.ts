import { describe, expect, it } from 'vitest';
import { checkQueryFields } from './check-query-fields';
import { checkWriteInput, redactRecord, visibleFields } from './field-access';
import { maskValue } from './mask-value';
import { resolveEntityAccess } from './resolve-entity-access';
import { contact, securityApp } from './security.test-helper';

const finance = resolveEntityAccess(securityApp, ['finance'], 'contact');
const sales = resolveEntityAccess(securityApp, ['sales'], 'contact');
const user = { id: 'u1', region: 'east', department: null };
const rec = {
  id: 'r1',
  name: '王强',
  phone: '13812345678',
  personality: '直爽',
  level: 'vp',
  region: 'east',
};

describe('field permissions', () => {
  it('masks phone numbers as 138****5678', () => {
    expect(maskValue('13812345678')).toBe('138****5678');
    expect(maskValue('abc')).toBe('a***');
    expect(maskValue(null)).toBeNull();
  });

  it('drops hidden fields and masks sensitive fields the role may not reveal', () => {
    expect(redactRecord(contact, rec, finance)).toEqual({
      id: 'r1',
      name: '王强',
      phone: '138****5678',
      region: 'east',
    });
    expect(redactRecord(contact, rec, sales).phone).toBe('138****5678');
    expect(redactRecord(contact, rec, resolveEntityAccess(securityApp, ['admin'], 'contact')).phone).toBe(
      '138****5678',
    );
    expect(visibleFields(contact, finance).map((f) => f.name)).toEqual(['name', 'phone', 'region']);
  });

  it('refuses writes to read-only fields, answers hidden ones as unknown, and guards scoping columns', () => {
    const errors = checkWriteInput(
      contact,
      { level: 'x', name: 'ok', region: 'south', owner: 'u2' },
      sales,
      'update',
      user,
    );
    expect(errors.map((e) => [e.path, e.reason])).toEqual([
      ['level', 'LATTICE_ERR_FORBIDDEN'],
      ['region', 'LATTICE_ERR_FORBIDDEN'],
      ['owner', 'LATTICE_ERR_FORBIDDEN'],
    ]);
    expect(
      checkWriteInput(contact, { region: 'east', owner: 'u1', phone: '139' }, sales, 'create', user),
    ).toEqual([]);
    expect(checkWriteInput(contact, { phone: '139' }, finance, 'update', user)[0]?.reason).toBe(
      'LATTICE_ERR_FORBIDDEN',
    );
    expect(checkWriteInput(contact, { personality: 'x' }, finance, 'update', user)[0]?.reason).toBe(
      'LATTICE_ERR_UNKNOWN_FIELD',
    );
  });

  it('refuses filters and sorts on hidden or sensitive fields like fields that do not exist', () => {
    const hidden = checkQueryFields(contact, { filter: { '==': [{ var: 'personality' }, '直爽'] } }, finance);
    const missing = checkQueryFields(
      contact,
      { filter: { '==': [{ var: 'nonexistent' }, '直爽'] } },
      finance,
    );
    expect(hidden).toHaveLength(1);
    expect(hidden[0]?.message.en).toBe('unknown or unfilterable field "personality"');
    expect(missing).toEqual([]);
    expect(checkQueryFields(contact, { sort: [{ field: 'phone' }] }, sales)[0]?.path).toBe('sort.0.field');
    expect(checkQueryFields(contact, { filter: { '==': [{ var: 'name' }, 'x'] } }, finance)).toEqual([]);
  });
});
