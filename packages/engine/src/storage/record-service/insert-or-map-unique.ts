import { LatticeError } from '../../errors';
import type { EntityDoc } from '../../model/entity';
import { desiredIndexes } from '../ddl/sync-entity-indexes';

/**
 * Runs a write and turns a PG unique violation (23505) on a managed index into LATTICE_ERR_UNIQUE naming
 * the field: the pre-check cannot see rows of concurrent, not yet committed transactions.
 */
export async function insertOrMapUnique<R>(entity: EntityDoc, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (e) {
    throw mapUniqueViolation(entity, e);
  }
}

function mapUniqueViolation(entity: EntityDoc, e: unknown): unknown {
  const err = e as { code?: string; constraint?: string; message?: string };
  if (err?.code !== '23505') return e;
  const ix = desiredIndexes(entity).find((i) => i.name === err.constraint || err.message?.includes(i.name));
  const col = ix?.columns[ix.columns.length - 1];
  const field = entity.fields.find((f) => f.id === col)?.name ?? col ?? '';
  return new LatticeError('LATTICE_ERR_UNIQUE', [
    {
      path: field,
      reason: 'LATTICE_ERR_UNIQUE',
      message: { zh: '该值已存在，不能重复', en: `${field} already exists` },
    },
  ]);
}
