import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../errors';
import { coerceRecordInput } from './coerce-record-input';
import { sampleEntity as e, pdf } from './sample-entity.test-helper';

const create = (input: Record<string, unknown>) =>
  coerceRecordInput(e, { name: '华东机电', ...input }, { mode: 'create' });
const update = (input: Record<string, unknown>, existing: Record<string, unknown> = { name: '华东机电' }) =>
  coerceRecordInput(e, input, { mode: 'update', existing });
const at = (errors: ErrorDetail[], path: string) => errors.filter((x) => x.path === path);
const only = (errors: ErrorDetail[]) => errors.map((x) => x.path);

describe('coerceRecordInput', () => {
  it('accepts a valid record and fills defaults on create', () => {
    const r = create({ revenue: '1,200.50', staff: '30', vip: '是' });
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({ name: '华东机电', revenue: 1200.5, staff: 30, vip: true, level: 'B' });
  });

  it('reports unknown fields with LATTICE_ERR_UNKNOWN_FIELD at the name', () => {
    const r = create({ nmae: 'x' });
    expect(r.errors).toEqual([
      expect.objectContaining({ path: 'nmae', reason: 'LATTICE_ERR_UNKNOWN_FIELD' }),
    ]);
  });

  it('refuses mass assignment of system, computed and read-only fields', () => {
    const r = create({
      id: 'x',
      version: 9,
      created_by: 'eve',
      deleted_at: null,
      total: 1,
      no: 'CUS-1',
      legacy: 'L',
    });
    expect(only(r.errors).sort()).toEqual([
      'created_by',
      'deleted_at',
      'id',
      'legacy',
      'no',
      'total',
      'version',
    ]);
    expect(r.values).not.toHaveProperty('id');
    expect(r.values).not.toHaveProperty('total');
  });

  it('lets system writes (rules, flows) set read-only fields, but never computed ones', () => {
    const r = coerceRecordInput(
      e,
      { name: '华东机电', legacy: 'L', total: 1 },
      { mode: 'create', system: true },
    );
    expect(only(r.errors)).toEqual(['total']);
    expect(r.values.legacy).toBe('L');
  });

  it('lets clients set the scoping columns, mapping a field with id owner under its own name', () => {
    const r = create({ owner: 'u42', region: '华东', department: null });
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({ sales_owner: 'u42', region: '华东', department: null });
  });

  it('returns every error at once with zh and en messages', () => {
    const r = create({ revenue: 'abc', staff: 1.5, email: 'nope', signed_on: '2024-02-30' });
    expect(only(r.errors).sort()).toEqual(['email', 'revenue', 'signed_on', 'staff']);
    expect(at(r.errors, 'revenue')[0]?.message).toEqual({
      en: 'expected a number, got "abc"',
      zh: '应为数字，实际为 "abc"',
    });
  });

  it('requires required fields on create and when emptied on update', () => {
    expect(coerceRecordInput(e, {}, { mode: 'create' }).errors).toEqual([
      expect.objectContaining({ path: 'name', reason: 'LATTICE_ERR_REQUIRED' }),
    ]);
    expect(update({ name: '  ' }).errors).toEqual([
      expect.objectContaining({ path: 'name', reason: 'LATTICE_ERR_REQUIRED' }),
    ]);
    expect(update({ memo: 'x' }).errors).toEqual([]);
  });

  it('checks text maxLength in characters and anchors patterns to the whole value', () => {
    expect(create({ name: '一二三四五六七八九十' }).errors).toEqual([]);
    expect(only(create({ name: '一二三四五六七八九十一' }).errors)).toEqual(['name']);
    expect(create({ code: 'AB1234' }).errors).toEqual([]);
    expect(only(create({ code: 'xAB1234x' }).errors)).toEqual(['code']);
  });

  it('checks number min, max, precision and integers', () => {
    expect(only(create({ revenue: -1 }).errors)).toEqual(['revenue']);
    expect(only(create({ revenue: 1.234 }).errors)).toEqual(['revenue']);
    expect(create({ revenue: 1.23 }).values.revenue).toBe(1.23);
    expect(only(create({ staff: 0 }).errors)).toEqual(['staff']);
    expect(only(create({ staff: '12abc' }).errors)).toEqual(['staff']);
    expect(only(create({ revenue: Number.NaN }).errors)).toEqual(['revenue']);
  });

  it('keeps ratings between 0 and max', () => {
    expect(create({ stars: 5 }).values.stars).toBe(5);
    expect(only(create({ stars: 6 }).errors)).toEqual(['stars']);
    expect(only(create({ stars: -1 }).errors)).toEqual(['stars']);
  });

  it('accepts real dates and zoned datetimes, normalising datetimes to UTC', () => {
    expect(create({ signed_on: '2024-02-29' }).values.signed_on).toBe('2024-02-29');
    expect(only(create({ signed_on: '2023-02-29' }).errors)).toEqual(['signed_on']);
    expect(only(create({ signed_on: '2024/01/01' }).errors)).toEqual(['signed_on']);
    expect(create({ visited_at: '2024-05-01T09:30:00+08:00' }).values.visited_at).toBe(
      '2024-05-01T01:30:00.000Z',
    );
    expect(only(create({ visited_at: '2024-05-01T09:30:00' }).errors)).toEqual(['visited_at']);
  });

  it('parses booleans strictly', () => {
    expect(create({ vip: 'false' }).values.vip).toBe(false);
    expect(create({ vip: 0 }).values.vip).toBe(false);
    expect(only(create({ vip: 'maybe' }).errors)).toEqual(['vip']);
  });

  it('checks select and multiselect options and dedupes lists', () => {
    expect(only(create({ level: 'Z' }).errors)).toEqual(['level']);
    expect(create({ lines: ['pump', 'pump', 'valve'] }).values.lines).toEqual(['pump', 'valve']);
    expect(create({ lines: 'pump' }).values.lines).toEqual(['pump']);
    expect(create({ lines: [] }).values.lines).toEqual([]);
    expect(only(create({ lines: ['gear'] }).errors)).toEqual(['lines']);
  });

  it('accepts Chinese mobiles and landlines and refuses the rest', () => {
    expect(create({ phone: '+86 138-0013-8000' }).values.phone).toBe('13800138000');
    expect(create({ phone: '0755-12345678' }).values.phone).toBe('0755-12345678');
    expect(create({ phone: '010-62345678-801' }).values.phone).toBe('010-62345678-801');
    expect(create({ phone: '400-123-4567' }).values.phone).toBe('400-123-4567');
    expect(only(create({ phone: '12800138000' }).errors)).toEqual(['phone']);
    expect(only(create({ phone: '1380013800' }).errors)).toEqual(['phone']);
  });

  it('checks email and http(s) url formats', () => {
    expect(create({ email: ' li@hd-jd.cn ' }).values.email).toBe('li@hd-jd.cn');
    expect(only(create({ email: 'li@hd' }).errors)).toEqual(['email']);
    expect(create({ website: 'https://hd-jd.cn/about' }).errors).toEqual([]);
    expect(only(create({ website: 'javascript:alert(1)' }).errors)).toEqual(['website']);
  });

  it('accepts uuids for references and lower-cases them', () => {
    const id = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11';
    expect(create({ parent: id }).values.parent).toBe(id.toLowerCase());
    expect(only(create({ parent: "x'; drop table customer; --" }).errors)).toEqual(['parent']);
  });

  it('checks file refs: shape, multiplicity, accepted types, size, images', () => {
    expect(create({ docs: [pdf] }).values.docs).toEqual([pdf]);
    expect(only(create({ docs: [{ ...pdf, name: 'a.exe' }] }).errors)).toEqual(['docs']);
    expect(only(create({ docs: [{ ...pdf, size: 2 * 1024 * 1024 }] }).errors)).toEqual(['docs']);
    expect(only(create({ docs: [{ id: 'u1' }] }).errors)).toEqual(['docs']);
    expect(only(create({ logo: pdf }).errors)).toEqual(['logo']);
    const png = { id: 'u2', name: 'a.png', size: 1, mime: 'image/png' };
    expect(create({ logo: png }).values.logo).toEqual(png);
    expect(only(create({ logo: [png, png] }).errors)).toEqual(['logo']);
  });

  it('checks geo values and drops extra keys', () => {
    expect(create({ location: { lat: 31.2, lng: 121.5, address: '上海', x: 1 } }).values.location).toEqual({
      lat: 31.2,
      lng: 121.5,
      address: '上海',
    });
    expect(only(create({ location: { lat: 91, lng: 0 } }).errors)).toEqual(['location']);
    expect(only(create({ location: '31.2,121.5' }).errors)).toEqual(['location']);
  });

  it('accepts tags from any level of the tree', () => {
    expect(create({ tags: ['east', 'sh'] }).values.tags).toEqual(['east', 'sh']);
    expect(only(create({ tags: ['west'] }).errors)).toEqual(['tags']);
  });

  it('allows any initial stage but only configured transitions afterwards', () => {
    expect(create({ stage: 'won' }).errors).toEqual([]);
    expect(update({ stage: 'deal' }, { name: 'a', stage: 'lead' }).errors).toEqual([]);
    const r = update({ stage: 'won' }, { name: 'a', stage: 'lead' });
    expect(only(r.errors)).toEqual(['stage']);
    expect(r.errors[0]?.message.en).toContain('allowed: deal');
    expect(only(update({ stage: 'nope' }, { name: 'a', stage: 'lead' }).errors)).toEqual(['stage']);
  });

  it('requires the stage requiredToLeave fields before leaving it', () => {
    expect(only(update({ stage: 'won' }, { name: 'a', stage: 'deal' }).errors)).toEqual(['contract']);
    expect(update({ stage: 'won', contract: pdf }, { name: 'a', stage: 'deal' }).errors).toEqual([]);
    expect(update({ stage: 'won' }, { name: 'a', stage: 'deal', contract: pdf }).errors).toEqual([]);
  });

  it('evaluates JsonLogic validations on the merged record and reports their message', () => {
    const r = create({ signed_on: '2024-05-01', ends_on: '2024-04-01' });
    expect(r.errors).toEqual([
      {
        path: 'ends_on',
        reason: 'LATTICE_ERR_VALIDATION',
        message: { zh: '到期日不能早于签约日期', en: 'must not be before the signing date' },
      },
    ]);
    expect(
      only(
        update({ signed_on: '2024-06-01' }, { name: 'a', signed_on: '2024-01-01', ends_on: '2024-05-01' })
          .errors,
      ),
    ).toEqual(['ends_on']);
  });

  it('does not let stale data in untouched fields block an update', () => {
    const existing = { name: 'a', signed_on: '2024-06-01', ends_on: '2024-05-01' };
    expect(update({ memo: 'call back' }, existing).errors).toEqual([]);
  });

  it('stores json values as plain data and refuses the unserialisable', () => {
    expect(create({ extra: { a: [1, 'x'] } }).values.extra).toEqual({ a: [1, 'x'] });
    expect(only(create({ extra: 10n }).errors)).toEqual(['extra']);
  });

  it('turns empty strings into null and ignores undefined keys', () => {
    const r = update({ memo: '', revenue: undefined });
    expect(r.values).toEqual({ memo: null });
  });

  it('refuses a non-object input', () => {
    expect(
      coerceRecordInput(e, [] as unknown as Record<string, unknown>, { mode: 'create' }).errors[0]?.path,
    ).toBe('');
  });
});
