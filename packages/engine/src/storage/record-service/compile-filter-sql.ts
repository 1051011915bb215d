import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type ErrorDetail, LatticeError } from '../../errors';
import type { EntityDoc } from '../../model/entity';
import type { Field } from '../../model/field';
import type { JsonLogic } from '../../model/json-logic';
import { type StorageColumnType, storageColumnType } from '../ddl/storage-column-type';

type Sql = RawBuilder<unknown>;
type Col = { ref: Sql; type: StorageColumnType };

const SYSTEM_COLS: Readonly<Record<string, StorageColumnType>> = {
  id: 'uuid',
  version: 'integer',
  created_at: 'timestamptz',
  created_by: 'text',
  updated_at: 'timestamptz',
  updated_by: 'text',
  owner: 'text',
  region: 'text',
  department: 'text',
  deleted_at: 'timestamptz',
};

export interface FilterContext {
  alias: string;
  now: Date;
  path?: string;
}

/**
 * Compiles the JsonLogic query subset (field NAMES in `var`) to a SQL predicate: identifiers only from
 * metadata, values only as parameters. Throws LATTICE_ERR_VALIDATION naming the bad node's path.
 * Storage-local stand-in until `query/compile-filter.ts` lands.
 */
export function compileFilterSql(
  entity: EntityDoc,
  expr: JsonLogic,
  ctx: FilterContext,
): RawBuilder<SqlBool> {
  const errors: ErrorDetail[] = [];
  const out = new FilterCompiler(entity, ctx, errors).node(expr, ctx.path ?? 'filter');
  if (errors.length) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
  return out as RawBuilder<SqlBool>;
}

class FilterCompiler {
  readonly #fields: Map<string, Field>;
  constructor(
    readonly entity: EntityDoc,
    readonly ctx: FilterContext,
    readonly errors: ErrorDetail[],
  ) {
    this.#fields = new Map(entity.fields.map((f) => [f.name, f]));
  }

  fail(path: string, en: string, zh: string): Sql {
    this.errors.push({ path, message: { en, zh } });
    return sql`false`;
  }

  node(expr: JsonLogic, path: string): Sql {
    if (expr === true) return sql`true`;
    if (expr === false) return sql`false`;
    if (expr === null || typeof expr !== 'object' || Array.isArray(expr)) {
      return this.fail(path, 'expected an operator object', '应为运算对象');
    }
    const keys = Object.keys(expr);
    if (keys.length !== 1) return this.fail(path, 'expected exactly one operator', '应只有一个运算符');
    const op = keys[0]!;
    const raw = expr[op] as JsonLogic;
    const args: JsonLogic[] = Array.isArray(raw) ? raw : [raw];
    const p = `${path}.${op}`;
    switch (op) {
      case 'and':
      case 'or': {
        if (args.length === 0) return op === 'and' ? sql`true` : sql`false`;
        const parts = args.map((a, i) => sql`(${this.node(a, `${p}.${i}`)})`);
        return sql.join(parts, sql.raw(` ${op} `));
      }
      case '!':
        return sql`not (${this.node(args[0] ?? null, `${p}.0`)})`;
      case '==':
      case '===':
      case '!=':
      case '!==':
        return this.equality(op, args, p);
      case '<':
      case '<=':
      case '>':
      case '>=':
        return this.compare(op, args, p);
      case 'between': {
        const col = this.column(args[0], `${p}.0`);
        if (!col) return sql`false`;
        return sql`${col.ref} between ${this.value(args[1], col, `${p}.1`)} and ${this.value(args[2], col, `${p}.2`)}`;
      }
      case 'in':
        return this.inOp(args, p);
      case 'contains':
      case 'starts_with': {
        const col = this.column(args[0], `${p}.0`);
        if (!col) return sql`false`;
        const v = args[1];
        if (typeof v !== 'string') return this.fail(`${p}.1`, 'expected a string', '应为字符串');
        if (col.type === 'text[]') return sql`${v} = any(${col.ref})`;
        const pattern = op === 'contains' ? `%${escapeLike(v)}%` : `${escapeLike(v)}%`;
        return sql`${col.ref}::text ilike ${pattern}`;
      }
      case 'is_empty': {
        const col = this.column(args[0], `${p}.0`);
        if (!col) return sql`false`;
        if (col.type === 'text') return sql`(${col.ref} is null or ${col.ref} = '')`;
        if (col.type === 'text[]') return sql`(${col.ref} is null or cardinality(${col.ref}) = 0)`;
        return sql`${col.ref} is null`;
      }
      default:
        return this.fail(p, `unsupported filter operator "${op}"`, `不支持的筛选运算符 "${op}"`);
    }
  }

  isVar(x: JsonLogic | undefined): boolean {
    return !!x && typeof x === 'object' && !Array.isArray(x) && 'var' in x;
  }

  column(x: JsonLogic | undefined, path: string): Col | null {
    if (!this.isVar(x)) {
      this.fail(path, 'expected {"var": "<field name>"}', '应为字段引用 {"var": "字段名"}');
      return null;
    }
    const name = (x as { var: JsonLogic }).var;
    const ref = (c: string) => sql.ref(`${this.ctx.alias}.${c}`);
    if (typeof name === 'string' && SYSTEM_COLS[name]) return { ref: ref(name), type: SYSTEM_COLS[name]! };
    const f = typeof name === 'string' ? this.#fields.get(name) : undefined;
    const type = f ? storageColumnType(f) : null;
    if (!f || !type) {
      this.fail(
        path,
        `unknown or unfilterable field ${JSON.stringify(name)}`,
        `字段不存在或不可筛选：${JSON.stringify(name)}`,
      );
      return null;
    }
    return { ref: ref(f.id), type };
  }

  value(x: JsonLogic | undefined, col: Col, path: string): Sql {
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      const [k] = Object.keys(x);
      const n = (x as Record<string, JsonLogic>)[k ?? ''];
      if ((k === 'days_ago' || k === 'months_ago') && typeof n === 'number') {
        const d = new Date(this.ctx.now);
        if (k === 'days_ago') d.setUTCDate(d.getUTCDate() - n);
        else d.setUTCMonth(d.getUTCMonth() - n);
        return sql`${col.type === 'date' ? d.toISOString().slice(0, 10) : d.toISOString()}`;
      }
      return this.fail(path, 'expected a plain value or {"days_ago": n}', '应为值或相对日期');
    }
    if (Array.isArray(x)) return this.fail(path, 'expected a scalar value', '应为单个值');
    return sql`${x ?? null}`;
  }

  equality(op: string, args: JsonLogic[], p: string): Sql {
    const [i, j] = this.isVar(args[0]) ? [0, 1] : [1, 0];
    const col = this.column(args[i], `${p}.${i}`);
    if (!col) return sql`false`;
    const neg = op === '!=' || op === '!==';
    if (args[j] === null || args[j] === undefined)
      return neg ? sql`${col.ref} is not null` : sql`${col.ref} is null`;
    const v = this.value(args[j], col, `${p}.${j}`);
    return neg ? sql`${col.ref} is distinct from ${v}` : sql`${col.ref} = ${v}`;
  }

  compare(op: '<' | '<=' | '>' | '>=', args: JsonLogic[], p: string): Sql {
    if (args.length === 3 && (op === '<' || op === '<=')) {
      const col = this.column(args[1], `${p}.1`);
      if (!col) return sql`false`;
      const o = sql.raw(op);
      return sql`${this.value(args[0], col, `${p}.0`)} ${o} ${col.ref} and ${col.ref} ${o} ${this.value(args[2], col, `${p}.2`)}`;
    }
    const flipped = !this.isVar(args[0]);
    const col = this.column(args[flipped ? 1 : 0], `${p}.${flipped ? 1 : 0}`);
    if (!col) return sql`false`;
    const flip = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;
    const v = this.value(args[flipped ? 0 : 1], col, `${p}.${flipped ? 0 : 1}`);
    return sql`${col.ref} ${sql.raw(flipped ? flip[op] : op)} ${v}`;
  }

  inOp(args: JsonLogic[], p: string): Sql {
    if (this.isVar(args[0])) {
      const col = this.column(args[0], `${p}.0`);
      const list = args[1];
      if (!col) return sql`false`;
      if (!Array.isArray(list)) return this.fail(`${p}.1`, 'expected an array of values', '应为值数组');
      if (list.length === 0) return sql`false`;
      return sql`${col.ref} in (${sql.join(list.map((v, k) => this.value(v, col, `${p}.1.${k}`)))})`;
    }
    const col = this.column(args[1], `${p}.1`);
    if (!col) return sql`false`;
    if (typeof args[0] !== 'string' && typeof args[0] !== 'number') {
      return this.fail(`${p}.0`, 'expected a value', '应为值');
    }
    if (col.type === 'text[]') return sql`${String(args[0])} = any(${col.ref})`;
    return sql`strpos(${col.ref}::text, ${String(args[0])}) > 0`;
  }
}

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
