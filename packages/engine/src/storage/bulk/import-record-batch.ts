import { sql } from 'kysely';
import type { ImportRowError } from '../../import/import-types';
import { cellError } from '../../import/row-to-input';
import type { EntityDoc } from '../../model/entity';
import type { AutonumberField, Field } from '../../model/field';
import type { I18nText } from '../../model/i18n-text';
import { appSchemaName } from '../../model/identifier';
import { coerceFieldValue } from '../../records/coerce-field-value';
import { type CoerceRecordResult, coerceRecordInput } from '../../records/coerce-record-input';
import { computeFormulas } from '../../records/compute-formulas';
import { entityWritePlan } from '../../records/entity-write-plan';
import { isEmptyValue } from '../../records/field-value-result';
import { toColumnValues } from '../../records/to-api-record';
import { AUDIT_LOG, auditRow } from '../append-audit';
import type {
  DbTransaction,
  FieldCodec,
  LiveApp,
  RecordData,
  RecordHooks,
  RequestContext,
} from '../contracts';
import { SYSTEM_SCHEMA } from '../migrate-system-schema';
import { nextAutonumber } from '../record-service/next-autonumber';
import { recordValues, toRecord } from '../record-service/row-codec';
import {
  decodeSensitiveColumns,
  encodeHistoryValue,
  encodeSensitiveColumns,
  encryptedFields,
} from '../record-service/sensitive-columns';
import { type CopyColumn, copyRows } from './copy-rows';
import { type DirectoryLookup, resolvedInBatch } from './directory-lookup';
import { keyTupleFilter } from './key-tuple-filter';
import { fieldColumn, ID_COLUMN, newRowColumns, newRowStamps } from './new-row-columns';
import { type ReferenceCache, resolveReferenceTexts } from './resolve-reference-texts';
import { timeOrderedIds } from './time-ordered-ids';
import { type BulkColumn, unnestRows, unnestSelect } from './unnest-rows';

/** One converted row of a batch (see `rowToInput`): sheet row number and record input by field name. */
export interface ImportBatchRow {
  row: number;
  input: Record<string, unknown>;
  /**
   * Cells that already failed conversion: the row is reported as failed with these, and its other
   * fields are still checked so the report lists every problem of the row at once.
   */
  errors?: readonly ImportRowError[];
  /**
   * The row already coerced as a new record (`coerceRecordInput` in create mode), done by the caller
   * while the previous batch was being written; used when the row does turn out to be new. Only for
   * entities without reference fields, whose inputs change when references resolve.
   */
  asCreate?: CoerceRecordResult;
}

/** What lives across the batches of one import: in-file duplicate detection and resolved references. */
export interface ImportBatchState {
  /** Per unique group (`a+b`): value tuple (JSON) → first sheet row that had it. */
  seen: Map<string, Map<string, number>>;
  refs: ReferenceCache;
}

export function newImportBatchState(): ImportBatchState {
  return { seen: new Map(), refs: new Map() };
}

export interface ImportBatchOptions {
  mode: 'insert' | 'upsert';
  /** Upsert key field names (a unique field or unique key of the entity). */
  key: readonly string[];
  state: ImportBatchState;
  /** History/audit source, e.g. `import:<id>`. */
  source: string;
  /** Field name → the file's header, for error reports. */
  headers: ReadonlyMap<string, string>;
  /** Validate and look up only (preview): nothing is written. */
  dryRun?: boolean;
  /** Per-row created/updated events (rules); leave unset for bulk loads. */
  onEvent?: RecordHooks['onEvent'];
  /**
   * Encryption at rest for sensitive fields, the same codec as the records API: stored values and history
   * values of those fields are written encrypted, and stored rows are decrypted before comparing.
   */
  fieldCodec?: FieldCodec;
  /** Resolves user and department cells (a username, a name, a department's name or path) to ids. */
  directory?: DirectoryLookup;
}

export interface ImportBatchResult {
  inserted: number;
  updated: number;
  /** Upserted rows whose values were already stored. */
  unchanged: number;
  /** Sheet rows that were not written, with every problem found. */
  errors: ImportRowError[];
  failedRows: number[];
  /** Sheet rows that update a stored record / match one without changes (the rest of the good rows insert). */
  updatedRows: number[];
  unchangedRows: number[];
}

interface Candidate {
  row: number;
  input: Record<string, unknown>;
  keyText: string | null;
  existing: Record<string, unknown> | null;
  merged: Record<string, unknown>;
  changed: string[];
}

/**
 * Writes one batch of imported rows in the caller's transaction: resolves references (by id, unique key
 * or title), looks up existing rows by the upsert key (`FOR UPDATE`), coerces and validates each row with
 * the same rules as the records API (`coerceRecordInput`, formulas), reports keys duplicated inside the
 * file and unique clashes with stored rows, then inserts new rows and updates changed ones with one
 * `unnest` statement each, writes history rows for updated fields and one audit row for the batch.
 * Bad rows are returned, never half-written; the caller decides to skip them or roll back.
 */
export async function importRecordBatch(
  trx: DbTransaction,
  ctx: RequestContext,
  live: LiveApp,
  entity: EntityDoc,
  rows: readonly ImportBatchRow[],
  opts: ImportBatchOptions,
): Promise<ImportBatchResult> {
  const now = ctx.clock.now();
  const nowFn = () => now;
  const { byName, hasFormulas } = entityWritePlan(entity);
  const errors = new Map<number, ImportRowError[]>();
  const fail = (row: number, field: string | null, value: unknown, reason: I18nText) => {
    const list = errors.get(row) ?? [];
    list.push(cellError(row, field ? (opts.headers.get(field) ?? field) : null, field, value, reason));
    errors.set(row, list);
  };
  // References (and directory names) are resolved in place (text → id): copy the inputs only when there
  // are any to resolve.
  const work: readonly ImportBatchRow[] = entity.fields.some((f) =>
    resolvedInBatch(f, Boolean(opts.directory)),
  )
    ? rows.map((r) => ({ row: r.row, input: { ...r.input } }))
    : rows;
  const preFailed = new Map<number, Set<string>>();
  for (const r of rows) {
    if (!r.errors?.length) continue;
    errors.set(r.row, [...r.errors]);
    preFailed.set(r.row, new Set(r.errors.map((e) => e.field ?? '')));
  }
  const report = (row: number, es: { path: string; message: I18nText }[], input: Record<string, unknown>) => {
    const skip = preFailed.get(row);
    for (const e of es) {
      if (skip?.has(e.path)) continue;
      fail(row, byName.has(e.path) ? e.path : null, input[e.path], e.message);
    }
  };

  await resolveReferences(trx, live, entity, work, opts, fail);

  const keyFields = opts.mode === 'upsert' ? opts.key.map((n) => byName.get(n)!).filter(Boolean) : [];
  const keyed = new Map<number, { text: string; values: unknown[] }>();
  if (keyFields.length) {
    for (const r of work) {
      if (errors.has(r.row) && !preFailed.has(r.row)) continue;
      if (keyFields.some((f) => preFailed.get(r.row)?.has(f.name))) continue;
      let ok = true;
      const values: unknown[] = [];
      for (const f of keyFields) {
        const raw = r.input[f.name];
        if (isEmptyValue(raw)) {
          fail(r.row, f.name, '', {
            zh: `更新键「${f.label.zh}」不能为空`,
            en: `The upsert key ${f.label.en} is empty`,
          });
          ok = false;
          break;
        }
        const c = coerceFieldValue(f, raw);
        if (!c.ok) {
          fail(r.row, f.name, raw, c.message);
          ok = false;
          break;
        }
        values.push(c.value);
      }
      if (ok) keyed.set(r.row, { text: tupleKey(values), values });
    }
  }
  const existing = keyFields.length
    ? await lockExisting(trx, live, entity, keyFields, [...keyed.values()], opts.fieldCodec)
    : new Map();

  const candidates: Candidate[] = [];
  for (const r of work) {
    if (errors.has(r.row) && !preFailed.has(r.row)) continue;
    const keyText = keyed.get(r.row)?.text ?? null;
    const stored = keyText === null ? null : (existing.get(keyText) ?? null);
    if (stored) {
      const before = recordValues(entity, toRecord(entity, stored));
      const { values, errors: es } = coerceRecordInput(entity, r.input, {
        mode: 'update',
        existing: before,
        now: nowFn,
      });
      for (const e of es) fail(r.row, byName.has(e.path) ? e.path : null, r.input[e.path], e.message);
      if (es.length) continue;
      const merged: Record<string, unknown> = { ...before, ...values };
      if (hasFormulas) Object.assign(merged, computeFormulas(entity, merged, { now: nowFn }));
      const changed = Object.keys(merged).filter(
        (k) => byName.has(k) && JSON.stringify(merged[k] ?? null) !== JSON.stringify(before[k] ?? null),
      );
      candidates.push({ row: r.row, input: r.input, keyText, existing: stored, merged, changed });
    } else {
      const { values, errors: es } =
        r.asCreate ?? coerceRecordInput(entity, r.input, { mode: 'create', now: nowFn });
      report(r.row, es, r.input);
      if (errors.has(r.row)) continue;
      // Absent fields read as null everywhere below; formulas see every field.
      const merged: Record<string, unknown> = hasFormulas
        ? { ...values, ...computeFormulas(entity, values, { now: nowFn }) }
        : values;
      candidates.push({ row: r.row, input: r.input, keyText, existing: null, merged, changed: [] });
    }
  }

  checkInFileDuplicates(entity, candidates, opts.state, fail);
  await checkStoredClashes(trx, live, entity, candidates, keyFields, errors, fail);

  const good = candidates.filter((c) => !errors.has(c.row));
  const inserts = good.filter((c) => c.existing === null);
  const updates = good.filter((c) => c.existing !== null && c.changed.length > 0);
  const result: ImportBatchResult = {
    inserted: inserts.length,
    updated: updates.length,
    unchanged: good.length - inserts.length - updates.length,
    errors: [...errors.values()].flat(),
    failedRows: [...errors.keys()],
    updatedRows: updates.map((u) => u.row),
    unchangedRows: good.filter((c) => c.existing !== null && c.changed.length === 0).map((c) => c.row),
  };
  if (opts.dryRun || (inserts.length === 0 && updates.length === 0)) return result;

  const codec = opts.fieldCodec;
  const insertedRows = await insertRows(trx, ctx, live, entity, inserts, now, Boolean(opts.onEvent), codec);
  const updatedRows = await updateRows(trx, ctx, live, entity, updates, now, Boolean(opts.onEvent), codec);
  await writeBatchHistoryAndAudit(trx, ctx, live, entity, updates, opts.source, result, codec);
  if (opts.onEvent) {
    for (const rec of insertedRows)
      await opts.onEvent(trx, ctx, live, { type: 'created', entity: entity.name, record: rec });
    for (let i = 0; i < updatedRows.length; i++) {
      const u = updates[i]!;
      await opts.onEvent(trx, ctx, live, {
        type: 'updated',
        entity: entity.name,
        record: updatedRows[i]!,
        previous: toRecord(entity, u.existing!),
        changed: u.changed,
      });
    }
  }
  return result;
}

type Fail = (row: number, field: string | null, value: unknown, reason: I18nText) => void;

async function resolveReferences(
  trx: DbTransaction,
  live: LiveApp,
  entity: EntityDoc,
  work: readonly { row: number; input: Record<string, unknown> }[],
  opts: ImportBatchOptions,
  fail: Fail,
): Promise<void> {
  for (const f of entity.fields) {
    if (!resolvedInBatch(f, Boolean(opts.directory))) continue;
    const texts = work
      .map((r) => r.input[f.name])
      .filter((v): v is string => typeof v === 'string' && v !== '');
    if (!texts.length) continue;
    const found =
      f.type === 'reference'
        ? await resolveReferenceTexts(trx, live, f, texts, opts.state.refs)
        : await opts.directory!.resolve(trx, f.type === 'user' ? 'user' : 'department', [...new Set(texts)]);
    for (const r of work) {
      const t = r.input[f.name];
      if (typeof t !== 'string' || t === '') continue;
      const hit = found.get(t);
      if (hit?.ok) r.input[f.name] = hit.id;
      else if (hit) fail(r.row, f.name, t, hit.reason);
    }
  }
}

async function lockExisting(
  trx: DbTransaction,
  live: LiveApp,
  entity: EntityDoc,
  keyFields: Field[],
  keys: { text: string; values: unknown[] }[],
  codec: FieldCodec | undefined,
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!keys.length) return out;
  const cols = keyFields.map((f) => fieldColumn(f)!);
  const source = keys.map((k) => Object.fromEntries(cols.map((c, i) => [c.name, k.values[i]])));
  const table = sql.table(`${appSchemaName(live.appId)}.${entity.name}`);
  const res = await sql<Record<string, unknown>>`select t.* from ${table} as t
    where t.deleted_at is null and ${keyTupleFilter(cols, source, 't')}
    for update`.execute(trx);
  for (const stored of res.rows) {
    const row = decodeSensitiveColumns(entity, stored, codec);
    const rec = toRecord(entity, row);
    const values = keyFields.map((f) => {
      const c = coerceFieldValue(f, rec[f.name]);
      return c.ok ? c.value : rec[f.name];
    });
    out.set(tupleKey(values), row);
  }
  return out;
}

/** A map key for a tuple of coerced values (one field's values all have one type, so a lone string is its own key). */
function tupleKey(vals: readonly unknown[]): string {
  return vals.length === 1 && typeof vals[0] === 'string' ? vals[0] : JSON.stringify(vals);
}

/** The unique groups of an entity: each unique field alone, then each unique key. */
function uniqueGroups(entity: EntityDoc): string[][] {
  return [...entity.fields.filter((f) => f.unique).map((f) => [f.name]), ...(entity.uniqueKeys ?? [])].filter(
    (g, i, all) => all.findIndex((x) => x.join('+') === g.join('+')) === i,
  );
}

function checkInFileDuplicates(
  entity: EntityDoc,
  candidates: Candidate[],
  state: ImportBatchState,
  fail: Fail,
) {
  for (const group of uniqueGroups(entity)) {
    const name = group.join('+');
    let seen = state.seen.get(name);
    if (!seen) {
      seen = new Map();
      state.seen.set(name, seen);
    }
    for (const c of candidates) {
      const vals = group.map((n) => c.merged[n]);
      if (vals.some(isEmptyValue)) continue;
      const text = tupleKey(vals);
      const first = seen.get(text);
      if (first !== undefined && first !== c.row) {
        const field = group[group.length - 1]!;
        fail(c.row, field, vals.join(' + '), {
          zh: `${name} 的值在文件中重复（首次出现在第 ${first} 行）`,
          en: `${name} repeats a value already in row ${first} of this file`,
        });
      } else seen.set(text, c.row);
    }
  }
}

async function checkStoredClashes(
  trx: DbTransaction,
  live: LiveApp,
  entity: EntityDoc,
  candidates: Candidate[],
  keyFields: Field[],
  errors: Map<number, unknown>,
  fail: Fail,
): Promise<void> {
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const keyName = keyFields.map((f) => f.name).join('+');
  const table = sql.table(`${appSchemaName(live.appId)}.${entity.name}`);
  for (const group of uniqueGroups(entity)) {
    // The upsert key was looked up (and locked) already: a row either updates its owner or is new.
    if (keyFields.length && group.join('+') === keyName) continue;
    const relevant = candidates.filter(
      (c) =>
        !errors.has(c.row) &&
        !group.some((n) => isEmptyValue(c.merged[n])) &&
        (c.existing === null || group.some((n) => c.changed.includes(n))),
    );
    if (!relevant.length) continue;
    const fields = group.map((n) => byName.get(n)!);
    const cols = fields.map((f) => fieldColumn(f)!);
    const source = relevant.map((c) =>
      toColumnValues(entity, Object.fromEntries(group.map((n) => [n, c.merged[n]]))),
    );
    const tuple = sql.join(cols.map((c) => sql.ref(`t.${c.name}`)));
    const res = await sql<Record<string, unknown>>`select t.id::text as __id, ${tuple} from ${table} as t
      where t.deleted_at is null and ${keyTupleFilter(cols, source, 't')}`.execute(trx);
    if (!res.rows.length) continue;
    const owners = new Map<string, string>();
    for (const row of res.rows) {
      const rec = toRecord(entity, row);
      owners.set(JSON.stringify(group.map((n) => rec[n] ?? null)), String(row.__id));
    }
    for (const c of relevant) {
      const owner = owners.get(JSON.stringify(group.map((n) => c.merged[n] ?? null)));
      if (owner && owner !== (c.existing ? String(c.existing.id) : null)) {
        fail(c.row, group[group.length - 1]!, group.map((n) => String(c.merged[n])).join(' + '), {
          zh: `${group.join('+')} 的值已被另一条记录使用`,
          en: `${group.join('+')} is already used by another record`,
        });
      }
    }
  }
}

async function insertRows(
  trx: DbTransaction,
  ctx: RequestContext,
  live: LiveApp,
  entity: EntityDoc,
  inserts: Candidate[],
  now: Date,
  returning: boolean,
  codec: FieldCodec | undefined,
): Promise<RecordData[]> {
  if (!inserts.length) return [];
  for (const f of entity.fields.filter((x): x is AutonumberField => x.type === 'autonumber')) {
    for (const c of inserts) {
      c.merged[f.name] = await nextAutonumber(
        trx,
        { appId: live.appId, entity: entity.name, fieldId: f.id, pattern: f.pattern },
        now,
      );
    }
  }
  const cols = newRowColumns(entity);
  const sources = columnSources(entity, ctx, live, now, cols);
  /** The row by column name, sensitive columns encrypted. */
  const sealedRow = (c: Candidate) =>
    encodeSensitiveColumns(
      entity,
      Object.fromEntries(sources.map((col) => [col.name, 'read' in col ? col.read(c.merged) : col.constant])),
      codec,
    );
  if (!returning) {
    // No per-row events to feed: the rows go through COPY, the database's cheapest write path, with
    // time-ordered ids so the primary key grows at its right edge. Entities without encrypted fields
    // are encoded straight from their merged values. Rows are positions in `inserts`, so a row's id and
    // values are read by the same index.
    const ids = timeOrderedIds(inserts.length, now);
    const sealed = codec !== undefined && encryptedFields(entity).length > 0 ? inserts.map(sealedRow) : null;
    const values = sources.map((col): CopyColumn<number> => {
      if (sealed) return { name: col.name, type: col.type, read: (i) => sealed[i]![col.name] };
      if (!('read' in col)) return col;
      const read = col.read;
      return { ...col, read: (i) => read(inserts[i]!.merged) };
    });
    await copyRows(
      trx,
      { schema: appSchemaName(live.appId), name: entity.name },
      [{ ...ID_COLUMN, read: (i) => ids[i] }, ...values],
      Array.from(inserts, (_, i) => i),
    );
    return [];
  }
  const rows = inserts.map(sealedRow);
  const table = sql.table(`${appSchemaName(live.appId)}.${entity.name}`);
  const names = sql.join(cols.map((c) => sql.id(c.name)));
  const res = await sql<Record<string, unknown>>`insert into ${table} (${names})
    select ${unnestSelect(cols, 'v')} from ${unnestRows(cols, rows, 'v')}
    returning *`.execute(trx);
  return res.rows.map((r) => toRecord(entity, decodeSensitiveColumns(entity, r, codec)));
}

/**
 * Where each stored column of a new row comes from: field columns from their field in the merged values
 * (the actor's owner/region/department stand in for empty scoping fields), the rest are one value for
 * every row of the write.
 */
function columnSources(
  entity: EntityDoc,
  ctx: RequestContext,
  live: LiveApp,
  now: Date,
  cols: readonly BulkColumn[],
): CopyColumn<Record<string, unknown>>[] {
  const written = newRowStamps(ctx.actor, live.appId, now.toISOString());
  const fieldByColumn = new Map(entity.fields.map((f) => [f.id, f.name]));
  return cols.map((col) => {
    const fallback = written[col.name] ?? null;
    const name = fieldByColumn.get(col.name);
    return name === undefined
      ? { ...col, constant: fallback }
      : { ...col, read: (merged: Record<string, unknown>) => merged[name] ?? fallback };
  });
}

async function updateRows(
  trx: DbTransaction,
  ctx: RequestContext,
  live: LiveApp,
  entity: EntityDoc,
  updates: Candidate[],
  now: Date,
  returning: boolean,
  codec: FieldCodec | undefined,
): Promise<RecordData[]> {
  if (!updates.length) return [];
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const changedNames = [...new Set(updates.flatMap((u) => u.changed))];
  const cols = changedNames
    .map((n) => fieldColumn(byName.get(n)!))
    .filter((c): c is BulkColumn => c !== null);
  const all: BulkColumn[] = [{ name: '__id', type: 'uuid' }, { name: '__version', type: 'integer' }, ...cols];
  const rows = updates.map((u) => ({
    ...encodeSensitiveColumns(
      entity,
      toColumnValues(entity, Object.fromEntries(changedNames.map((n) => [n, u.merged[n]]))),
      codec,
    ),
    __id: String(u.existing!.id),
    __version: Number(u.existing!.version),
  }));
  const table = sql.table(`${appSchemaName(live.appId)}.${entity.name}`);
  const sets = cols.map((c) => sql`${sql.id(c.name)} = ${castFrom('v', c)}`);
  const res = await sql<Record<string, unknown>>`update ${table} as t set ${sql.join([
    ...sets,
    sql`updated_at = ${now}`,
    sql`updated_by = ${ctx.actor.id}`,
    sql`version = t.version + 1`,
  ])}
    from ${unnestRows(all, rows, 'v')}
    where t.id = v.__id and t.version = v.__version and t.deleted_at is null
    ${returning ? sql`returning t.*` : sql`returning t.id`}`.execute(trx);
  if (res.rows.length !== updates.length) {
    throw new Error(`import: ${updates.length - res.rows.length} rows changed concurrently; retry the batch`);
  }
  if (!returning) return [];
  const byId = new Map(
    res.rows.map((r) => [String(r.id), toRecord(entity, decodeSensitiveColumns(entity, r, codec))]),
  );
  return updates.map((u) => byId.get(String(u.existing!.id))!);
}

function castFrom(alias: string, c: BulkColumn) {
  return unnestSelect([c], alias);
}

async function writeBatchHistoryAndAudit(
  trx: DbTransaction,
  ctx: RequestContext,
  live: LiveApp,
  entity: EntityDoc,
  updates: Candidate[],
  source: string,
  result: ImportBatchResult,
  codec: FieldCodec | undefined,
): Promise<void> {
  const history = updates.flatMap((u) =>
    u.changed.map((field) => ({
      record_id: String(u.existing!.id),
      field,
      old_value: JSON.stringify(
        encodeHistoryValue(entity, field, toRecord(entity, u.existing!)[field], codec) ?? null,
      ),
      new_value: JSON.stringify(encodeHistoryValue(entity, field, u.merged[field], codec) ?? null),
    })),
  );
  if (history.length) {
    const cols: BulkColumn[] = [
      { name: 'record_id', type: 'uuid' },
      { name: 'field', type: 'text' },
      { name: 'old_value', type: 'jsonb' },
      { name: 'new_value', type: 'jsonb' },
    ];
    await sql`insert into ${sql.table(`${SYSTEM_SCHEMA}.record_history`)}
      (app_id, entity, changed_by, changed_at, source, record_id, field, old_value, new_value)
      select ${live.appId}, ${entity.name}, ${ctx.actor.id}, ${ctx.clock.now()}, ${source}, ${unnestSelect(cols, 'h')}
      from ${unnestRows(cols, history, 'h')}`.execute(trx);
  }
  await trx
    .insertInto(AUDIT_LOG)
    .values(
      auditRow(ctx.clock, {
        appId: live.appId,
        actor: ctx.actor.id,
        action: 'record.import',
        entity: entity.name,
        detail: { source, inserted: result.inserted, updated: result.updated },
        ip: ctx.ip ?? null,
      }),
    )
    .execute();
}

/**
 * Replays an already-committed row into `state` when an import resumes from its checkpoint, so a key
 * repeated after the checkpoint is still reported as a duplicate inside the file. Groups holding a
 * reference, user or department field are skipped (their values are ids only after resolution).
 */
export function rememberImportedRow(entity: EntityDoc, state: ImportBatchState, row: ImportBatchRow): void {
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  for (const group of uniqueGroups(entity)) {
    const fields = group.map((n) => byName.get(n));
    if (fields.some((f) => !f || resolvedInBatch(f, true))) continue;
    const coerced = (fields as Field[]).map((f) =>
      isEmptyValue(row.input[f.name]) ? null : coerceFieldValue(f, row.input[f.name]),
    );
    if (coerced.some((c) => c === null || !c.ok)) continue;
    const vals = coerced.map((c) => (c?.ok ? c.value : null));
    const name = group.join('+');
    let seen = state.seen.get(name);
    if (!seen) {
      seen = new Map();
      state.seen.set(name, seen);
    }
    const text = tupleKey(vals);
    if (!seen.has(text)) seen.set(text, row.row);
  }
}
