import type { AppDefinition } from '@lattice/engine';
import { findEntity } from '@lattice/engine';
import type { LookupSource, PickerSource } from '@lattice/form-builder';
import { recordTitle, rememberTitles } from './record-titles';
import { recordsApi } from './records-api';
import { type DirectoryUser, loadDirectory } from './user-directory';

/** Reference lookups for the form renderer: type-ahead over the target entity's records API. */
export function recordLookup(app: string, definition: AppDefinition): LookupSource {
  return {
    async search(entityName, q) {
      const entity = findEntity(definition, entityName);
      if (!entity) return [];
      const page = await recordsApi.list(app, entityName, { q, limit: 20 });
      rememberTitles(entity, page.items);
      return page.items.map((r) => ({ id: r.id, title: recordTitle(entity, r) }));
    },
    async resolve(entityName, id) {
      const entity = findEntity(definition, entityName);
      if (!entity) return null;
      try {
        const record = await recordsApi.get(app, entityName, id);
        return { id, title: recordTitle(entity, record) };
      } catch {
        return null;
      }
    },
  };
}

function toOption(u: DirectoryUser) {
  return { id: u.id, title: u.displayName || u.username, subtitle: u.username };
}

/** The user picker over the directory. */
export const userPicker: PickerSource = {
  async search(q) {
    const needle = q.trim().toLowerCase();
    return (await loadDirectory())
      .filter((u) => !needle || `${u.displayName} ${u.username}`.toLowerCase().includes(needle))
      .slice(0, 20)
      .map(toOption);
  },
  async resolve(id) {
    const u = (await loadDirectory()).find((x) => x.id === id || x.username === id);
    return u ? toOption(u) : null;
  },
};
