import { documentsOfKind, LatticeError } from '@lattice/engine';
import type { DbTransaction, LiveApp } from '@lattice/engine/storage';
import { runDataset } from '@lattice/report-engine';

/**
 * How many rows the app's report `name` returns, run as the system (every record: the rule acts for the
 * organisation, not for one user) inside `trx`. Drives report-driven schedules (`trigger.report`).
 */
export async function countReportRows(
  trx: DbTransaction,
  app: LiveApp,
  name: string,
  now: Date,
): Promise<number> {
  const doc = documentsOfKind(app.definition, 'report').find((r) => r.name === name);
  if (!doc) {
    throw new LatticeError('LATTICE_ERR_VALIDATION', [
      {
        path: 'trigger.report',
        message: { zh: `报表不存在：${name}`, en: `unknown report "${name}"` },
        reason: 'LATTICE_ERR_VALIDATION',
      },
    ]);
  }
  const result = await runDataset(trx, app.definition, doc.dataset, { now });
  return result.rows.length;
}
