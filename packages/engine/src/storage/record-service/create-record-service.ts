import { LatticeError } from '../../errors';
import type { AppStore, LatticeDb, RecordService, RecordServiceOptions } from '../contracts';

/**
 * Records CRUD over an app's live metadata. See {@link RecordService}.
 *
 * @example
 * const records = createRecordService(db, apps, { hooks: { onEvent: rules.onEvent } });
 * const customer = await records.create(ctx, 'mfg-crm', 'customer', { name: '华东机械' });
 */
export function createRecordService(
  _db: LatticeDb,
  _apps: AppStore,
  _options: RecordServiceOptions = {},
): RecordService {
  const todo = (): never => {
    throw new LatticeError('LATTICE_ERR_INTERNAL', [], 'createRecordService: not implemented yet');
  };
  return {
    create: async () => todo(),
    get: async () => todo(),
    update: async () => todo(),
    delete: async () => todo(),
    list: async () => todo(),
    history: async () => todo(),
  };
}
