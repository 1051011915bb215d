import { LatticeError } from '../../errors';
import type { AppStore, LatticeDb } from '../contracts';

/**
 * The app store over the `lattice` schema. See {@link AppStore}.
 *
 * @example
 * const apps = createAppStore(db);
 * await apps.createApp(ctx, definition);
 * await apps.publish(definition.id, { note: 'first' }, ctx);
 */
export function createAppStore(_db: LatticeDb): AppStore {
  const todo = (): never => {
    throw new LatticeError('LATTICE_ERR_INTERNAL', [], 'createAppStore: not implemented yet');
  };
  return {
    createApp: async () => todo(),
    listApps: async () => todo(),
    getDraft: async () => todo(),
    saveDraft: async () => todo(),
    getLive: async () => todo(),
    previewPublish: async () => todo(),
    publish: async () => todo(),
    rollback: async () => todo(),
    listVersions: async () => todo(),
    getVersion: async () => todo(),
  };
}
