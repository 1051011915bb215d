/**
 * `pnpm bench rules`: 50 realistic manufacturing-CRM rule conditions over 100k generated records, three
 * ways in one run — Lattice's compiled JsonLogic, json-logic-js `apply` (the reference) and hand-written
 * JS. All three must agree on every match count, or the run fails.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// The repo root declares no workspace dependencies, so resolve the packages the way @lattice/flow-engine
// does (through its public entry points, not a deep import).
const requireFromFlowEngine = createRequire(new URL('../packages/flow-engine/package.json', import.meta.url));
type JsonLogic = null | boolean | number | string | JsonLogic[] | { [op: string]: JsonLogic };
type Compile = (expr: JsonLogic, opts?: { now?: () => Date }) => (data: unknown) => unknown;
interface JsonLogicJs {
  apply(logic: unknown, data: unknown): unknown;
  add_operation(name: string, fn: (...args: unknown[]) => unknown): void;
}
const { compileJsonLogic } = (await import(
  pathToFileURL(requireFromFlowEngine.resolve('@lattice/engine')).href
)) as { compileJsonLogic: Compile };
const jsonLogic = requireFromFlowEngine('json-logic-js') as JsonLogicJs;

const RECORDS = 100_000;
const NOW = new Date('2024-06-15T02:00:00Z');
const NOW_MS = NOW.getTime();
const DAY = 86_400_000;
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'] as const;
const TIERS = ['A', 'B', 'C', 'D'] as const;
const STAGES = ['lead', 'qualified', 'quote', 'negotiation', 'won', 'lost'] as const;
const INDUSTRIES = ['machinery', 'electronics', 'auto_parts', 'chemicals', 'textiles', 'metals'] as const;

interface Rec {
  id: number;
  tier: string;
  region: string;
  stage: string;
  industry: string;
  annual_revenue: number;
  credit_limit: number;
  receivable: number;
  overdue_amount: number;
  overdue_days: number;
  orders_ytd: number;
  employees: number;
  score: number;
  discount: number;
  is_strategic: boolean;
  blacklisted: boolean;
  owner: string | null;
  last_contacted_at: string | null;
  created_at: string;
  next_visit: string | null;
  email: string | null;
  name: string;
  tags: string[];
  customer: { tier: string; region: string; credit_rating: string };
}

/** mulberry32: a small deterministic PRNG so every run sees the same records. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateRecords(n: number): Rec[] {
  const r = prng(20240615);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const iso = (daysAgo: number) => new Date(NOW_MS - daysAgo * DAY).toISOString();
  const out: Rec[] = [];
  for (let i = 0; i < n; i++) {
    const receivable = Math.round(r() * 2_000_000);
    out.push({
      id: i,
      tier: pick(TIERS),
      region: pick(REGIONS),
      stage: pick(STAGES),
      industry: pick(INDUSTRIES),
      annual_revenue: Math.round(r() * 500_000_000),
      credit_limit: Math.round(r() * 3_000_000),
      receivable,
      overdue_amount: r() < 0.3 ? Math.round(receivable * r()) : 0,
      overdue_days: r() < 0.3 ? Math.floor(r() * 180) : 0,
      orders_ytd: Math.floor(r() * 120),
      employees: Math.floor(r() * 5000),
      score: Math.round(r() * 100),
      discount: Math.round(r() * 30) / 100,
      is_strategic: r() < 0.1,
      blacklisted: r() < 0.02,
      owner: r() < 0.9 ? `u${Math.floor(r() * 50)}` : null,
      last_contacted_at: r() < 0.85 ? iso(r() * 120) : null,
      created_at: iso(r() * 720),
      next_visit: r() < 0.5 ? iso(-r() * 30).slice(0, 10) : null,
      email: r() < 0.8 ? `buyer${i}@example.cn` : null,
      name: `${pick(['苏州', '宁波', '东莞', '佛山', '青岛'])}${pick(['精密', '重工', '电子', '机械'])}有限公司`,
      tags: r() < 0.4 ? [pick(['key', 'export', 'oem', 'distributor'])] : [],
      customer: {
        tier: pick(TIERS),
        region: pick(REGIONS),
        credit_rating: pick(['AAA', 'AA', 'A', 'B', 'C']),
      },
    });
  }
  return out;
}

type Hand = (r: Rec) => boolean;
const daysSince = (iso: string | null): number | null => {
  if (iso === null) return null;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00+08:00` : iso);
  return Number.isNaN(t) ? null : Math.floor((NOW_MS - t) / DAY);
};
const v = (name: string): JsonLogic => ({ var: name });
const EAST = ['华东', '华南'];
const NORTH = ['华北', '东北', '西北'];

/** [JsonLogic condition, the same condition written by hand]. */
const CONDITIONS: [JsonLogic, Hand][] = [
  [{ '>': [v('overdue_amount'), 100000] }, (r) => r.overdue_amount > 100000],
  [
    { and: [{ '>': [v('overdue_days'), 90] }, { '>': [v('overdue_amount'), 0] }] },
    (r) => r.overdue_days > 90 && r.overdue_amount > 0,
  ],
  [{ '==': [v('tier'), 'A'] }, (r) => r.tier === 'A'],
  [{ in: [v('region'), EAST] }, (r) => EAST.includes(r.region)],
  [
    { and: [{ '==': [v('tier'), 'A'] }, { in: [v('region'), EAST] }] },
    (r) => r.tier === 'A' && EAST.includes(r.region),
  ],
  [{ '>': [{ days_since: v('last_contacted_at') }, 30] }, (r) => (daysSince(r.last_contacted_at) ?? -1) > 30],
  [
    { or: [{ '!': v('last_contacted_at') }, { '>': [{ days_since: v('last_contacted_at') }, 60] }] },
    (r) => !r.last_contacted_at || (daysSince(r.last_contacted_at) ?? -1) > 60,
  ],
  [{ '>=': [v('annual_revenue'), 100000000] }, (r) => r.annual_revenue >= 100000000],
  [
    { '<=': [10000000, v('annual_revenue'), 100000000] },
    (r) => 10000000 <= r.annual_revenue && r.annual_revenue <= 100000000,
  ],
  [{ '>': [v('receivable'), v('credit_limit')] }, (r) => r.receivable > r.credit_limit],
  [
    { and: [{ '>': [v('receivable'), v('credit_limit')] }, { '!': v('is_strategic') }] },
    (r) => r.receivable > r.credit_limit && !r.is_strategic,
  ],
  [{ '==': [v('customer.tier'), 'A'] }, (r) => r.customer.tier === 'A'],
  [
    { in: [v('customer.credit_rating'), ['B', 'C']] },
    (r) => r.customer.credit_rating === 'B' || r.customer.credit_rating === 'C',
  ],
  [
    { and: [{ '==': [v('stage'), 'negotiation'] }, { '>': [v('discount'), 0.2] }] },
    (r) => r.stage === 'negotiation' && r.discount > 0.2,
  ],
  [{ in: [v('stage'), ['won', 'lost']] }, (r) => r.stage === 'won' || r.stage === 'lost'],
  [{ '!': { in: [v('stage'), ['won', 'lost']] } }, (r) => r.stage !== 'won' && r.stage !== 'lost'],
  [{ '<': [v('score'), 30] }, (r) => r.score < 30],
  [{ and: [{ '>=': [v('score'), 80] }, { '==': [v('tier'), 'B'] }] }, (r) => r.score >= 80 && r.tier === 'B'],
  [
    { or: [{ '==': [v('tier'), 'A'] }, { '>': [v('annual_revenue'), 300000000] }] },
    (r) => r.tier === 'A' || r.annual_revenue > 300000000,
  ],
  [{ '!!': v('blacklisted') }, (r) => r.blacklisted],
  [
    { and: [v('is_strategic'), { in: [v('region'), NORTH] }] },
    (r) => r.is_strategic && NORTH.includes(r.region),
  ],
  [{ '>': [v('orders_ytd'), 50] }, (r) => r.orders_ytd > 50],
  [
    { and: [{ '==': [v('orders_ytd'), 0] }, { '>': [{ days_since: v('created_at') }, 180] }] },
    (r) => r.orders_ytd === 0 && (daysSince(r.created_at) ?? -1) > 180,
  ],
  [
    { '<': [{ days_since: v('created_at') }, 30] },
    (r) => (daysSince(r.created_at) ?? Number.POSITIVE_INFINITY) < 30,
  ],
  [{ '!': v('owner') }, (r) => !r.owner],
  [{ and: [{ '!': v('owner') }, { '==': [v('tier'), 'A'] }] }, (r) => !r.owner && r.tier === 'A'],
  [{ '==': [v('owner'), 'u7'] }, (r) => r.owner === 'u7'],
  [
    { in: [v('industry'), ['machinery', 'metals', 'auto_parts']] },
    (r) => r.industry === 'machinery' || r.industry === 'metals' || r.industry === 'auto_parts',
  ],
  [
    { and: [{ '==': [v('industry'), 'electronics'] }, { '>': [v('employees'), 1000] }] },
    (r) => r.industry === 'electronics' && r.employees > 1000,
  ],
  [
    { '>': [{ '/': [v('overdue_amount'), v('credit_limit')] }, 0.5] },
    (r) => r.overdue_amount / r.credit_limit > 0.5,
  ],
  [
    { '>': [{ '-': [v('credit_limit'), v('receivable')] }, 500000] },
    (r) => r.credit_limit - r.receivable > 500000,
  ],
  [
    { '>': [{ '*': [v('annual_revenue'), 0.01] }, v('credit_limit')] },
    (r) => r.annual_revenue * 0.01 > r.credit_limit,
  ],
  [
    {
      and: [
        { '>': [v('overdue_days'), 30] },
        { or: [{ '==': [v('tier'), 'C'] }, { '==': [v('tier'), 'D'] }] },
      ],
    },
    (r) => r.overdue_days > 30 && (r.tier === 'C' || r.tier === 'D'),
  ],
  [
    {
      or: [
        { and: [{ '==': [v('tier'), 'A'] }, { '>': [v('overdue_days'), 60] }] },
        { and: [{ '==': [v('tier'), 'B'] }, { '>': [v('overdue_days'), 30] }] },
      ],
    },
    (r) => (r.tier === 'A' && r.overdue_days > 60) || (r.tier === 'B' && r.overdue_days > 30),
  ],
  [{ '!=': [v('region'), v('customer.region')] }, (r) => r.region !== r.customer.region],
  [{ and: [{ '!': v('email') }, { '!==': [v('stage'), 'lost'] }] }, (r) => !r.email && r.stage !== 'lost'],
  [{ some: [v('tags'), { '==': [v(''), 'key'] }] }, (r) => r.tags.some((t) => t === 'key')],
  [{ '!': v('tags') }, (r) => r.tags.length === 0],
  [
    { and: [{ in: ['export', v('tags')] }, { '>': [v('annual_revenue'), 50000000] }] },
    (r) => r.tags.includes('export') && r.annual_revenue > 50000000,
  ],
  [
    { and: [v('next_visit'), { '<': [{ date_diff_days: [{ today: [] }, v('next_visit')] }, 7] }] },
    (r) =>
      r.next_visit !== null &&
      Math.floor(
        (Date.parse(`${r.next_visit}T00:00:00+08:00`) - Date.parse('2024-06-15T00:00:00+08:00')) / DAY,
      ) < 7,
  ],
  [{ '>': [v('score'), { if: [v('is_strategic'), 50, 70] }] }, (r) => r.score > (r.is_strategic ? 50 : 70)],
  [
    {
      '==': [{ if: [{ '>=': [v('score'), 80] }, 'hot', { '>=': [v('score'), 50] }, 'warm', 'cold'] }, 'hot'],
    },
    (r) => (r.score >= 80 ? 'hot' : r.score >= 50 ? 'warm' : 'cold') === 'hot',
  ],
  [{ starts_with: [v('name'), '苏州'] }, (r) => r.name.startsWith('苏州')],
  [{ contains: [v('name'), '精密'] }, (r) => r.name.includes('精密')],
  [
    {
      and: [{ '>': [v('employees'), 200] }, { '<': [v('employees'), 2000] }, { '==': [v('region'), '华中'] }],
    },
    (r) => r.employees > 200 && r.employees < 2000 && r.region === '华中',
  ],
  [
    { '>=': [{ max: [v('overdue_days'), v('orders_ytd')] }, 100] },
    (r) => Math.max(r.overdue_days, r.orders_ytd) >= 100,
  ],
  [
    {
      and: [
        { '===': [v('is_strategic'), true] },
        { '>': [v('receivable'), 1000000] },
        { '!': v('blacklisted') },
      ],
    },
    (r) => r.is_strategic === true && r.receivable > 1000000 && !r.blacklisted,
  ],
  [
    {
      or: [
        v('blacklisted'),
        { and: [{ '>': [v('overdue_days'), 120] }, { '>': [v('overdue_amount'), 200000] }] },
      ],
    },
    (r) => r.blacklisted || (r.overdue_days > 120 && r.overdue_amount > 200000),
  ],
  [
    {
      and: [
        { in: [v('customer.tier'), ['A', 'B']] },
        { in: [v('region'), EAST] },
        { '>': [v('orders_ytd'), 10] },
        { '<': [v('discount'), 0.1] },
      ],
    },
    (r) =>
      (r.customer.tier === 'A' || r.customer.tier === 'B') &&
      EAST.includes(r.region) &&
      r.orders_ytd > 10 &&
      r.discount < 0.1,
  ],
  [
    { '>': [{ '+': [v('receivable'), v('overdue_amount')] }, 2500000] },
    (r) => r.receivable + r.overdue_amount > 2500000,
  ],
];

/** Runs every condition over every record; returns evaluations per second and the match counts. */
function measure(fns: ((r: Rec) => unknown)[], records: Rec[]): { perSec: number; hits: number[] } {
  const hits: number[] = [];
  const start = performance.now();
  for (const fn of fns) {
    let h = 0;
    for (let i = 0; i < records.length; i++) if (fn(records[i]!)) h++;
    hits.push(h);
  }
  const seconds = (performance.now() - start) / 1000;
  return { perSec: (fns.length * records.length) / seconds, hits };
}

function installReferenceExtras(): void {
  const arity = { days_since: 1, today: 0, date_diff_days: 2, starts_with: 2, contains: 2 } as const;
  for (const [op, n] of Object.entries(arity)) {
    const args = Array.from({ length: n }, (_, i) => ({ var: String(i) }));
    const fn = compileJsonLogic({ [op]: args }, { now: () => NOW });
    jsonLogic.add_operation(op, (...values: unknown[]) => fn(values));
  }
}

export async function run(): Promise<object> {
  const records = generateRecords(RECORDS);
  const compiled = CONDITIONS.map(([logic]) => compileJsonLogic(logic, { now: () => NOW }));
  const handwritten = CONDITIONS.map(([, fn]) => fn);
  // json-logic-js has no date/string extras; it gets them as plain operations so it can run the same set.
  installReferenceExtras();
  const reference = CONDITIONS.map(
    ([logic]) =>
      (r: Rec) =>
        jsonLogic.apply(logic, r),
  );

  const warm = records.slice(0, 5000);
  measure(compiled, warm);
  measure(handwritten, warm);
  const c = measure(compiled, records);
  const h = measure(handwritten, records);
  const j = measure(reference, records);
  const c2 = measure(compiled, records);
  const h2 = measure(handwritten, records);
  for (let k = 0; k < CONDITIONS.length; k++) {
    if (c.hits[k] !== h.hits[k] || c.hits[k] !== j.hits[k]) {
      throw new Error(
        `condition ${k}: compiled ${c.hits[k]}, handwritten ${h.hits[k]}, json-logic-js ${j.hits[k]}`,
      );
    }
  }
  const compiledPerSec = Math.max(c.perSec, c2.perSec);
  const handPerSec = Math.max(h.perSec, h2.perSec);
  return {
    name: 'rules',
    evals_per_s: {
      compiled: Math.round(compiledPerSec),
      jsonlogic: Math.round(j.perSec),
      handwritten: Math.round(handPerSec),
    },
    ratio: {
      vs_jsonlogic: round2(compiledPerSec / j.perSec),
      vs_handwritten: round2(handPerSec / compiledPerSec),
    },
    conditions: CONDITIONS.length,
    records: RECORDS,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
