import { LatticeError } from '../errors';
import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';
import { cellText, cellToInput, isBlankCell } from './cell-to-input';
import type { ColumnMapping, ImportRowError, SourceRow } from './import-types';

/** Shared by the (many) rows without problems: nothing appends to a row's errors after conversion. */
const NO_ERRORS: readonly ImportRowError[] = Object.freeze([]);

/** Longest cell text kept for the error report (a 1 MB cell is cut, not copied around). */
const SHOWN_VALUE_MAX = 200;

/** A mapping checked against the entity, ready to convert rows quickly. */
export interface PreparedMapping {
  entity: EntityDoc;
  columns: { column: number; header: string; field: Field }[];
}

/**
 * Checks a mapping against the entity: every mapped field exists and is importable, no field is mapped
 * twice, and at least one column is mapped. Throws `LATTICE_ERR_VALIDATION` with a path per problem.
 */
export function prepareMapping(entity: EntityDoc, mapping: readonly ColumnMapping[]): PreparedMapping {
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const seen = new Set<string>();
  const columns: PreparedMapping['columns'] = [];
  const problems: { path: string; zh: string; en: string }[] = [];
  mapping.forEach((m, i) => {
    if (m.field === null) return;
    const f = byName.get(m.field);
    if (!f)
      problems.push({
        path: `mapping.${i}.field`,
        zh: `字段 ${m.field} 不存在`,
        en: `Unknown field ${m.field}`,
      });
    else if (['formula', 'rollup', 'autonumber', 'notes'].includes(f.type))
      problems.push({
        path: `mapping.${i}.field`,
        zh: `字段 ${m.field} 不能导入`,
        en: `Field ${m.field} cannot be imported`,
      });
    else if (seen.has(m.field))
      problems.push({
        path: `mapping.${i}.field`,
        zh: `字段 ${m.field} 被映射了两次`,
        en: `Field ${m.field} is mapped twice`,
      });
    else {
      seen.add(m.field);
      columns.push({ column: m.column, header: m.header, field: f });
    }
  });
  if (problems.length === 0 && columns.length === 0)
    problems.push({ path: 'mapping', zh: '至少映射一列', en: 'Map at least one column' });
  if (problems.length) {
    throw new LatticeError(
      'LATTICE_ERR_VALIDATION',
      problems.map((p) => ({ path: p.path, message: { zh: p.zh, en: p.en } })),
    );
  }
  return { entity, columns };
}

/** One row as API input: values by field name, the texts of reference cells, and per-cell errors. */
export interface RowInput {
  row: number;
  input: Record<string, unknown>;
  errors: readonly ImportRowError[];
  /** Every mapped cell is blank: the row is skipped, not an error. */
  blank: boolean;
}

/**
 * Converts one source row through a prepared mapping (blank cells are left out, so defaults apply on
 * insert and stored values stay on upsert). Conversion problems are reported per cell.
 */
export function rowToInput(prepared: PreparedMapping, source: SourceRow): RowInput {
  const input: Record<string, unknown> = {};
  let errors: ImportRowError[] | null = null;
  let blank = true;
  for (const c of prepared.columns) {
    const cell = source.cells[c.column] ?? null;
    if (isBlankCell(cell)) continue;
    blank = false;
    const r = cellToInput(c.field, cell);
    if (r.ok) input[c.field.name] = r.value;
    else {
      errors ??= [];
      errors.push(cellError(source.row, c.header, c.field.name, cell, r.message));
    }
  }
  return { row: source.row, input, errors: errors ?? NO_ERRORS, blank };
}

/** An error for one cell, with its value shortened for the report. */
export function cellError(
  row: number,
  column: string | null,
  field: string | null,
  value: unknown,
  reason: ImportRowError['reason'],
): ImportRowError {
  const text =
    typeof value === 'string' ? value : value === null || value === undefined ? '' : cellText(value as never);
  return {
    row,
    column,
    field,
    value: text.length > SHOWN_VALUE_MAX ? `${text.slice(0, SHOWN_VALUE_MAX)}…` : text,
    reason,
  };
}
