import { sql } from 'kysely';
import type { ErrorDetail } from '../../errors';
import { documentsOfKind } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import type { ReferenceField } from '../../model/field';
import { appSchemaName } from '../../model/identifier';
import type { DbExecutor, LiveApp, RequestContext } from '../contracts';
import { writeHistory } from './record-history';

/** A reference field of some entity that points at the entity being deleted. */
export interface Referrer {
  e: EntityDoc;
  f: ReferenceField;
}

/** Every reference field in the app whose target is `entityName`. */
export function referrersOf(live: LiveApp, entityName: string): Referrer[] {
  return documentsOfKind(live.definition, 'entity').flatMap((e) =>
    e.fields.flatMap((f) => (f.type === 'reference' && f.target === entityName ? [{ e, f }] : [])),
  );
}

/** One error per `restrict` reference that live records still hold to `id`, with the count. */
export async function findRestrictingReferences(
  trx: DbExecutor,
  live: LiveApp,
  referrers: Referrer[],
  id: string,
): Promise<ErrorDetail[]> {
  const out: ErrorDetail[] = [];
  for (const { e, f } of referrers) {
    if (f.onDelete !== 'restrict') continue;
    const r = await trx
      .selectFrom(`${appSchemaName(live.appId)}.${e.name}`)
      .select(sql<number>`count(*)::int`.as('n'))
      .where(f.id, '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const n = Number(r?.n ?? 0);
    if (n === 0) continue;
    out.push({
      path: `${e.name}.${f.name}`,
      reason: 'restrict',
      message: { zh: `仍有 ${n} 条${e.label.zh}引用此记录`, en: `${n} ${e.name} records still reference it` },
    });
  }
  return out;
}

/** `set_null`: clears the reference on live referring records, bumping their version, with history. */
export async function nullReferences(
  trx: DbExecutor,
  ctx: RequestContext,
  live: LiveApp,
  { e, f }: Referrer,
  id: string,
  source: string,
): Promise<void> {
  const now = ctx.clock.now();
  const rows = await trx
    .updateTable(`${appSchemaName(live.appId)}.${e.name}`)
    .set({ [f.id]: null, updated_at: now, updated_by: ctx.actor.id, version: sql`version + 1` })
    .where(f.id, '=', id)
    .where('deleted_at', 'is', null)
    .returning('id')
    .execute();
  for (const r of rows) {
    const target = { appId: live.appId, entity: e.name, recordId: String(r.id) };
    await writeHistory(trx, ctx, target, [{ field: f.name, old: id, new: null }], source);
  }
}
