import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonLogic } from '../model/json-logic';
import { compileJsonLogic } from './compile-json-logic';

// A fixed seed keeps CI reproducible (a failure found once is found every run); FC_SEED=<n> explores
// other corners locally.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124) });

/** Record data is parsed JSON or a database row: plain objects, never null-prototype ones. */
const PLAIN = { noNullPrototype: true } as const;

type Outcome = { ok: true; value: unknown } | { ok: false };

function run(f: () => unknown): Outcome {
  try {
    return { ok: true, value: f() };
  } catch {
    return { ok: false };
  }
}

/** Deep equality where leaves compare with Object.is (NaN equals NaN, 0 differs from -0). */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return ka.length === kb.length && ka.every((k) => same(ra[k], rb[k]));
  }
  return false;
}

const scalar = fc.oneof(
  fc.constantFrom<JsonLogic>(
    null,
    true,
    false,
    0,
    1,
    -1,
    2,
    10,
    0.5,
    '',
    '0',
    '1',
    'a',
    'abc',
    ' ',
    'true',
    'a.b',
  ),
  fc.integer({ min: -20, max: 20 }),
  fc.double({ noDefaultInfinity: false }),
  fc.string({ maxLength: 4 }),
);
const path = fc.constantFrom(
  'a',
  'b',
  'n',
  's',
  'x',
  'arr',
  'arr.0',
  'arr.1',
  'o.k',
  'o.z',
  'a.b',
  '',
  'current',
  'accumulator',
  0,
  1,
);

const STD_EAGER = [
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '!',
  '!!',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'in',
  'cat',
  'substr',
  'merge',
  'missing',
  'missing_some',
  'log',
];
const LAZY = ['if', '?:', 'and', 'or'];
const SCOPED = ['map', 'filter', 'reduce', 'all', 'none', 'some'];

const { expr } = fc.letrec<{ expr: JsonLogic; node: JsonLogic }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.record({ var: path }, PLAIN),
    fc.record({ var: fc.tuple(path, tie('expr')) }, PLAIN),
    tie('node'),
    fc.array(tie('expr'), { maxLength: 3 }),
  ),
  node: fc.oneof(
    fc
      .tuple(fc.constantFrom(...STD_EAGER, ...LAZY), fc.array(tie('expr'), { maxLength: 4 }))
      .map(([op, args]): JsonLogic => ({ [op]: args })),
    fc
      .tuple(fc.constantFrom(...STD_EAGER, ...LAZY), tie('expr'))
      .map(([op, arg]): JsonLogic => ({ [op]: arg })),
    fc
      .tuple(
        fc.constantFrom(...SCOPED),
        fc.oneof(fc.record({ var: path }, PLAIN), fc.array(scalar, { maxLength: 4 })),
        tie('expr'),
        fc.option(tie('expr')),
      )
      .map(
        ([op, src, logic, init]): JsonLogic => ({ [op]: init === null ? [src, logic] : [src, logic, init] }),
      ),
    fc
      .tuple(fc.constantFrom('missing', 'missing_some'), fc.array(path, { maxLength: 3 }))
      .map(([op, keys]): JsonLogic => (op === 'missing' ? { missing: keys } : { missing_some: [1, keys] })),
  ),
}));

const leaf = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const data = fc.oneof(
  fc.record(
    {
      a: leaf,
      b: leaf,
      n: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(null)),
      s: fc.string({ maxLength: 3 }),
      x: fc.oneof(scalar, fc.dictionary(fc.constantFrom('b', 'k'), leaf, { maxKeys: 2, ...PLAIN })),
      arr: fc.array(fc.oneof(scalar, fc.record({ current: scalar }, PLAIN)), { maxLength: 4 }),
      o: fc.record({ k: leaf, z: fc.constant(null) }, { requiredKeys: [], ...PLAIN }),
    },
    { requiredKeys: [], ...PLAIN },
  ),
  scalar,
  fc.array(scalar, { maxLength: 3 }),
);

describe('compileJsonLogic agrees with json-logic-js', () => {
  beforeAll(() => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  for (const strategy of ['codegen', 'closure'] as const) {
    it(`returns what apply returns for generated expressions and data (${strategy})`, () => {
      fc.assert(
        fc.property(expr, data, (e, d) => {
          const expected = run(() => jsonLogic.apply(e as jsonLogic.RulesLogic, d));
          const compiled = compileJsonLogic(e, { strategy });
          const actual = run(() => compiled(d));
          if (expected.ok !== actual.ok) return false;
          return !expected.ok || (actual.ok && same(actual.value, expected.value));
        }),
        { numRuns: 4000 },
      );
    });
  }

  it('agrees on hand-picked corners of the reference', () => {
    const cases: [JsonLogic, unknown][] = [
      [{ '==': [1, '1'] }, null],
      [{ '==': [null, 0] }, null],
      [{ '==': [[], false] }, null],
      [{ '!!': [[]] }, null],
      [{ '!': [[]] }, null],
      [{ and: [] }, null],
      [{ '-': [0, { and: [] }] }, null],
      [{ or: [[], 0] }, null],
      [{ and: [1, [], 2] }, null],
      [{ '*': ['3'] }, null],
      [{ '+': [] }, null],
      [{ '+': '3.5x' }, null],
      [{ '-': ['5'] }, null],
      [{ '<': [1, 2, 3] }, null],
      [{ '<=': [1, 1, 0] }, null],
      [{ var: 'a.b.c' }, { a: { b: { c: 0 } } }],
      [{ var: ['a.x', 'dflt'] }, { a: { b: 1 } }],
      [{ var: 1 }, ['x', 'y']],
      [{ var: '' }, 7],
      [{ var: 'length' }, 'abc'],
      [{ missing: ['a', 'b'] }, { a: '' }],
      [{ missing: [{ merge: ['a', 'b'] }] }, { b: 1 }],
      [{ missing_some: [1, ['a', 'b']] }, { b: 1 }],
      [{ in: ['b', 'abc'] }, null],
      [{ in: [1, [1, 2]] }, null],
      [{ in: ['x', null] }, null],
      [{ cat: ['a', null, [1, 2], 3] }, null],
      [{ substr: ['jsonlogic', -5, -2] }, null],
      [{ merge: [1, [2, [3]]] }, null],
      [
        { reduce: [{ var: 'xs' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] },
        { xs: [1, 2, 3] },
      ],
      [{ all: [[], true] }, null],
      [{ none: [[], true] }, null],
      [{ if: [] }, null],
      [{ if: [false, 1] }, null],
      [{ if: [[], 'a', 0, 'b', 'c'] }, null],
      [{ max: [] }, null],
      [{ '%': [7, 0] }, null],
    ];
    for (const [e, d] of cases) {
      const expected = jsonLogic.apply(e as jsonLogic.RulesLogic, d);
      for (const strategy of ['codegen', 'closure'] as const) {
        expect(
          same(compileJsonLogic(e, { strategy })(d), expected),
          `${JSON.stringify(e)} (${strategy})`,
        ).toBe(true);
      }
    }
  });
});
