import { describe, expect, it } from 'vitest';
import type { EntityDoc } from '../model/entity';
import { sampleEntity as e } from '../records/sample-entity.test-helper';
import { dummyKysely } from './dummy-kysely.test-helper';
import { compileSearch, searchFields } from './search';

const db = dummyKysely();
const compile = (entity: EntityDoc, q: string) =>
  db
    .selectFrom('customer as c')
    .select('c.id')
    .where((eb) => compileSearch(entity, q, eb, { tableAlias: 'c' }))
    .compile();

describe('searchFields', () => {
  it('defaults to the non-sensitive text fields', () => {
    expect(searchFields(e).map((f) => f.name)).toEqual([
      'name',
      'code',
      'memo',
      'email',
      'phone',
      'website',
      'no',
      'legacy',
    ]);
  });

  it('uses the entity searchFields when set, skipping non-text and unknown names', () => {
    expect(
      searchFields({ ...e, searchFields: ['name', 'tags', 'revenue', 'ghost', 'secret'] }).map((f) => f.name),
    ).toEqual(['name', 'tags']);
  });
});

describe('compileSearch', () => {
  const entity = { ...e, searchFields: ['name', 'tags'] };

  it('matches every term in some field, escaping LIKE wildcards', () => {
    const q = compile(entity, ' 华东  50%_off ');
    expect(q.sql).toBe(
      `select "c"."id" from "customer" as "c" where (("c"."f_name" ilike $1 or array_to_string("c"."f_tags", ' ') ilike $2) and ("c"."f_name" ilike $3 or array_to_string("c"."f_tags", ' ') ilike $4))`,
    );
    expect(q.parameters).toEqual(['%华东%', '%华东%', '%50\\%\\_off%', '%50\\%\\_off%']);
  });

  it('matches everything for a blank query and nothing without search fields', () => {
    expect(compile(entity, '   ').sql).toMatch(/where true$/);
    expect(compile({ ...e, searchFields: ['revenue'] }, 'x').sql).toMatch(/where false$/);
  });

  it('caps the number of terms', () => {
    expect(compile(entity, 'a b c d e f g').parameters).toHaveLength(10);
  });
});
