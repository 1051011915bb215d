import type { AppDefinition, PackManifest } from '@lattice/engine';

/** One generated record: a provisional `id` other records may reference, plus values by field name. */
export type DemoRecord = { id: string } & Record<string, unknown>;

/** What demo mode installs: an app definition and its demo records, entity by entity, parents first. */
export interface DemoSource {
  /** Where it came from, for the start-up banner (e.g. `templates/manufacturing-crm@0.3.0`). */
  origin: string;
  app: AppDefinition;
  /** Extra demo accounts beyond the six standard ones (`manager` is a username). */
  users?: {
    username: string;
    displayName: string;
    roles: string[];
    region?: string;
    department?: string;
    manager?: string;
  }[];
  /** When the demo comes from a pack: recorded as the app's pack install, so `lattice pack upgrade` works. */
  pack?: { manifest: PackManifest; hash: string; files: Record<string, string> };
  batches(now: Date): { entity: string; records: DemoRecord[] }[];
}
