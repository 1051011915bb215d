import type { PublishChange } from '../lib/studio-api';

/** How the publish preview groups a change. */
export type ChangeGroup = 'added' | 'changed' | 'removed';

/** The group of one change kind; exhaustive over the engine's kinds. */
export function changeGroup(kind: PublishChange['kind']): ChangeGroup {
  switch (kind) {
    case 'add_entity':
    case 'add_field':
      return 'added';
    case 'drop_entity':
    case 'drop_field':
      return 'removed';
    case 'change_field':
    case 'rename_field':
    case 'document':
      return 'changed';
  }
}

/** Changes split into added / changed / removed (each keeps preview order), plus the lossy ones. */
export function groupChanges(changes: readonly PublishChange[]): Record<ChangeGroup, PublishChange[]> & {
  lossy: PublishChange[];
} {
  const out = {
    added: [] as PublishChange[],
    changed: [] as PublishChange[],
    removed: [] as PublishChange[],
  };
  for (const c of changes) out[changeGroup(c.kind)].push(c);
  return { ...out, lossy: changes.filter((c) => c.lossy) };
}
