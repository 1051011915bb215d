import { describe, expect, it } from 'vitest';
import { columnNameFor, columnTypeFor } from './column-type-for';
import { sampleEntity as e, pdf } from './sample-entity.test-helper';
import { toApiRecord, toColumnValues } from './to-api-record';

const field = (name: string) => {
  const f = e.fields.find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f;
};

describe('columnTypeFor', () => {
  it('maps field types to the conventional column types', () => {
    const expected: Record<string, string | null> = {
      name: 'text',
      revenue: 'numeric',
      credit: 'numeric',
      staff: 'integer',
      stars: 'integer',
      signed_on: 'date',
      visited_at: 'timestamptz',
      vip: 'boolean',
      lines: 'text[]',
      tags: 'text[]',
      parent: 'uuid',
      docs: 'jsonb',
      location: 'jsonb',
      stage: 'text',
      total: 'numeric',
      no: 'text',
    };
    for (const [name, type] of Object.entries(expected))
      expect([name, columnTypeFor(field(name))]).toEqual([name, type]);
  });

  it('gives rollups no column and names columns by field id', () => {
    expect(
      columnTypeFor({
        type: 'rollup',
        id: 'f_n',
        name: 'n',
        label: { zh: '', en: '' },
        relation: { entity: 'o', field: 'c' },
        aggregate: 'count',
      }),
    ).toBeNull();
    expect(columnNameFor(field('revenue'))).toBe('f_rev');
  });
});

describe('toApiRecord', () => {
  it('renames columns to field names and normalises driver values', () => {
    const row = {
      id: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      version: '3',
      created_at: new Date('2024-05-01T01:30:00Z'),
      updated_at: '2024-05-01 01:30:00+00',
      owner: 'u1',
      f_name: '华东机电',
      f_rev: '1200.50',
      f_staff: 30,
      f_signed: '2024-05-01',
      f_visit: new Date('2024-05-01T01:30:00Z'),
      f_vip: true,
      f_lines: ['pump'],
      f_docs: JSON.stringify([pdf]),
      f_geo: { lat: 1, lng: 2 },
      f_total: '1.5',
      deleted_at: null,
    };
    const r = toApiRecord(e, row);
    expect(r).toMatchObject({
      id: row.id,
      version: 3,
      created_at: '2024-05-01T01:30:00.000Z',
      updated_at: '2024-05-01T01:30:00.000Z',
      owner: 'u1',
      sales_owner: 'u1',
      name: '华东机电',
      revenue: 1200.5,
      staff: 30,
      signed_on: '2024-05-01',
      visited_at: '2024-05-01T01:30:00.000Z',
      vip: true,
      lines: ['pump'],
      docs: [pdf],
      location: { lat: 1, lng: 2 },
      total: 1.5,
      memo: null,
    });
    expect(r).not.toHaveProperty('deleted_at');
    expect(r).not.toHaveProperty('f_name');
  });

  it('renders a pg Date for a date column as its calendar day', () => {
    const r = toApiRecord(e, { f_signed: new Date(2024, 4, 1) });
    expect(r.signed_on).toBe('2024-05-01');
  });
});

describe('toColumnValues', () => {
  it('maps names to field ids, serialises jsonb and passes scoping columns through', () => {
    expect(
      toColumnValues(e, { name: 'x', docs: [pdf], location: null, region: '华东', total: 3, bogus: 1 }),
    ).toEqual({
      f_name: 'x',
      f_docs: JSON.stringify([pdf]),
      f_geo: null,
      region: '华东',
      f_total: 3,
    });
  });

  it('round-trips through toApiRecord', () => {
    const values = { name: '华东', revenue: 12.5, lines: ['pump'], location: { lat: 1, lng: 2 } };
    const back = toApiRecord(e, toColumnValues(e, values));
    expect(back).toMatchObject(values);
  });
});
