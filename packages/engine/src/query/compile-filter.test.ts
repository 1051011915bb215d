import { describe, expect, it } from 'vitest';
import { isLatticeError, type LatticeError } from '../errors';
import { sampleEntity as e } from '../records/sample-entity.test-helper';
import { type CompileFilterOptions, compileFilter, validateFilter } from './compile-filter';
import { dummyKysely } from './dummy-kysely.test-helper';

const db = dummyKysely();
const NOW = new Date('2024-05-15T04:00:00Z');

function where(filter: unknown, opts: CompileFilterOptions = { now: NOW }) {
  const q = db
    .selectFrom('customer')
    .select('id')
    .where((eb) => compileFilter(e, filter, eb, opts))
    .compile();
  return { sql: q.sql.replace(/^select "id" from "customer" where /, ''), params: q.parameters };
}

function errorsOf(filter: unknown): string[] {
  try {
    where(filter);
  } catch (err) {
    if (isLatticeError(err)) return (err as LatticeError).details.map((d) => d.path);
    throw err;
  }
  return [];
}

describe('compileFilter', () => {
  it('compiles equality to a column from metadata and a bound parameter', () => {
    expect(where({ '==': [{ var: 'level' }, 'A'] })).toEqual({ sql: '"f_level" = $1', params: ['A'] });
  });

  it('accepts the value on either side and flips comparisons', () => {
    expect(where({ '<': [100, { var: 'revenue' }] })).toEqual({ sql: '"f_rev" > $1', params: [100] });
    expect(where({ '>=': [{ var: 'staff' }, '10'] })).toEqual({ sql: '"f_staff" >= $1', params: [10] });
  });

  it('compiles null equality to IS NULL and != to IS DISTINCT FROM', () => {
    expect(where({ '==': [{ var: 'email' }, null] }).sql).toBe('"f_email" is null');
    expect(where({ '!==': [{ var: 'email' }, null] }).sql).toBe('"f_email" is not null');
    expect(where({ '!=': [{ var: 'level' }, 'A'] })).toEqual({
      sql: '"f_level" is distinct from $1',
      params: ['A'],
    });
  });

  it('combines and/or/! with parentheses', () => {
    const r = where({
      and: [
        { '==': [{ var: 'vip' }, true] },
        { or: [{ '==': [{ var: 'level' }, 'A'] }, { '!': { '==': [{ var: 'level' }, 'B'] } }] },
      ],
    });
    expect(r.sql).toBe(
      '(("f_vip" = $1) and ((("f_level" = $2) or (not coalesce(("f_level" = $3), false)))))',
    );
    expect(r.params).toEqual([true, 'A', 'B']);
  });

  it('treats empty and as true and empty or as false', () => {
    expect(where({ and: [] }).sql).toBe('true');
    expect(where({ or: [] }).sql).toBe('false');
  });

  it('supports between in both spellings', () => {
    expect(where({ between: [{ var: 'revenue' }, 10, 20] })).toEqual({
      sql: '"f_rev" between $1 and $2',
      params: [10, 20],
    });
    expect(where({ '<=': [10, { var: 'revenue' }, 20] })).toEqual({
      sql: '($1 <= "f_rev" and "f_rev" <= $2)',
      params: [10, 20],
    });
  });

  it('compiles in-lists, with null meaning IS NULL, and membership on list fields', () => {
    expect(where({ in: [{ var: 'level' }, ['A', 'B']] })).toEqual({
      sql: '"f_level" in ($1, $2)',
      params: ['A', 'B'],
    });
    expect(where({ in: [{ var: 'level' }, ['A', null]] }).sql).toBe(
      '("f_level" in ($1) or "f_level" is null)',
    );
    expect(where({ in: [{ var: 'level' }, []] }).sql).toBe('false');
    expect(where({ in: [{ var: 'lines' }, ['pump', 'valve']] }).sql).toBe(
      '"f_lines" && array[$1, $2]::text[]',
    );
    expect(where({ '==': [{ var: 'lines' }, 'pump'] })).toEqual({
      sql: '$1 = any("f_lines")',
      params: ['pump'],
    });
  });

  it('compiles contains and starts_with as escaped ILIKE', () => {
    expect(where({ contains: [{ var: 'name' }, '100%_off'] })).toEqual({
      sql: '"f_name" ilike $1',
      params: ['%100\\%\\_off%'],
    });
    expect(where({ starts_with: [{ var: 'name' }, '华东'] }).params).toEqual(['华东%']);
    expect(where({ in: ['华东', { var: 'name' }] }).params).toEqual(['%华东%']);
    expect(where({ contains: [{ var: 'tags' }, 'sh'] })).toEqual({
      sql: '$1 = any("f_tags")',
      params: ['sh'],
    });
  });

  it('compiles is_empty per column type', () => {
    expect(where({ is_empty: [{ var: 'name' }] }).sql).toBe(`("f_name" is null or "f_name" = '')`);
    expect(where({ is_empty: { var: 'lines' } }).sql).toBe(
      '("f_lines" is null or cardinality("f_lines") = 0)',
    );
    expect(where({ is_empty: [{ var: 'revenue' }] }).sql).toBe('"f_rev" is null');
  });

  it('resolves relative dates against the injected now, in China time for dates', () => {
    expect(where({ '>=': [{ var: 'signed_on' }, { days_ago: 7 }] }).params).toEqual(['2024-05-08']);
    expect(where({ '>=': [{ var: 'visited_at' }, { days_ago: 1 }] }).params).toEqual([
      '2024-05-14T04:00:00.000Z',
    ]);
    expect(where({ '>=': [{ var: 'signed_on' }, { months_ago: 3 }] }).params).toEqual(['2024-02-15']);
    const endOfMonth = { now: new Date('2024-03-31T04:00:00Z') };
    expect(where({ '>=': [{ var: 'signed_on' }, { months_ago: 1 }] }, endOfMonth).params).toEqual([
      '2024-02-29',
    ]);
  });

  it('reads a bare date against a timestamp as local midnight', () => {
    expect(where({ '<': [{ var: 'visited_at' }, '2024-05-01'] }).params).toEqual([
      '2024-04-30T16:00:00.000Z',
    ]);
  });

  it('filters on system columns and qualifies columns with the table alias', () => {
    expect(where({ '==': [{ var: 'owner' }, 'u1'] }, { tableAlias: 'c' }).sql).toBe('"c"."owner" = $1');
    expect(where({ '==': [{ var: 'name' }, 'x'] }, { tableAlias: 'c' }).sql).toBe('"c"."f_name" = $1');
  });

  it('never takes identifiers from values', () => {
    const evil = "x'; drop table customer; --";
    const r = where({ '==': [{ var: 'name' }, evil] });
    expect(r).toEqual({ sql: '"f_name" = $1', params: [evil] });
    expect(errorsOf({ '==': [{ var: evil }, 1] })).toEqual(['filter.==.0']);
    expect(errorsOf({ [evil]: [{ var: 'name' }, 1] })).toEqual([`filter.${evil}`]);
  });

  it('reports unknown fields and operators at the path of the bad node', () => {
    expect(errorsOf({ and: [{ '==': [{ var: 'level' }, 'A'] }, { '==': [{ var: 'nope' }, 1] }] })).toEqual([
      'filter.and.1.==.0',
    ]);
    expect(errorsOf({ or: [{ regex: [{ var: 'name' }, '.*'] }] })).toEqual(['filter.or.0.regex']);
  });

  it('reports every bad node at once with LATTICE_ERR_VALIDATION', () => {
    let caught: unknown;
    try {
      where({
        and: [
          { '==': [{ var: 'nope' }, 1] },
          { '>': [{ var: 'revenue' }, 'abc'] },
          { '==': [{ var: 'parent' }, 'x'] },
        ],
      });
    } catch (err) {
      caught = err;
    }
    expect(isLatticeError(caught) && caught.code).toBe('LATTICE_ERR_VALIDATION');
    expect((caught as LatticeError).details.map((d) => d.path)).toEqual([
      'filter.and.0.==.0',
      'filter.and.1.>.1',
      'filter.and.2.==.1',
    ]);
  });

  it('refuses rollups, jsonb comparisons and values of the wrong kind', () => {
    expect(errorsOf({ '==': [{ var: 'location' }, 'x'] })).toEqual(['filter.==.1']);
    expect(errorsOf({ '==': [{ var: 'signed_on' }, '2024/01/01'] })).toEqual(['filter.==.1']);
    expect(errorsOf({ '==': [{ var: 'vip' }, 'yes'] })).toEqual(['filter.==.1']);
    expect(errorsOf({ '>': [{ var: 'revenue' }, { days_ago: 1 }] })).toEqual(['filter.>.1']);
    expect(errorsOf({ contains: [{ var: 'revenue' }, '1'] })).toEqual(['filter.contains.0']);
  });

  it('uses a custom resolver for names it maps', () => {
    const r = db
      .selectFrom('customer as c')
      .select('c.id')
      .where((eb) =>
        compileFilter(e, { '>': [{ var: 'orders' }, 2] }, eb, {
          resolveField: (n) =>
            n === 'orders' ? { ref: eb.ref('c.id'), type: 'integer', field: null } : null,
        }),
      )
      .compile();
    expect(r.sql).toContain('where "c"."id" > $1');
  });
});

describe('validateFilter', () => {
  it('returns no errors for a valid filter and needs no clock for relative dates', () => {
    expect(validateFilter(e, { '>=': [{ var: 'signed_on' }, { days_ago: 30 }] })).toEqual([]);
  });

  it('roots paths at the given path', () => {
    expect(validateFilter(e, { '==': [{ var: 'nope' }, 1] }, 'views.0.filter').map((d) => d.path)).toEqual([
      'views.0.filter.==.0',
    ]);
  });

  it('refuses non-objects and multi-key objects', () => {
    expect(validateFilter(e, 'level = A').map((d) => d.path)).toEqual(['filter']);
    expect(validateFilter(e, { '==': [{ var: 'level' }, 'A'], or: [] }).map((d) => d.path)).toEqual([
      'filter',
    ]);
  });
});
