import type { AppDefinition } from '@lattice/engine';
import { findEntity } from '@lattice/engine';
import type { LookupOption, LookupSource } from '@lattice/form-builder';
import { api } from './api';

type Row = Record<string, unknown> & { id: string };

/**
 * A reference-field lookup over the live records API of `appId`, titled by each target entity's title
 * field (from `definition`). Used by the form designer's live preview.
 */
export function recordLookup(appId: string, definition: AppDefinition): LookupSource {
  const base = `/api/apps/${encodeURIComponent(appId)}/records`;
  const toOption = (entity: string, row: Row): LookupOption => {
    const titleField = findEntity(definition, entity)?.titleField;
    const title = titleField ? row[titleField] : undefined;
    return { id: row.id, title: title === undefined || title === null ? row.id : String(title) };
  };
  return {
    async search(entity, q) {
      const query = new URLSearchParams({ limit: '20', ...(q ? { q } : {}) });
      try {
        const res = await api<{ items: Row[] }>('GET', `${base}/${entity}?${query}`);
        return res.items.map((r) => toOption(entity, r));
      } catch {
        // The entity may exist only in the draft (not published yet): nothing to pick.
        return [];
      }
    },
    async resolve(entity, id) {
      try {
        return toOption(entity, await api<Row>('GET', `${base}/${entity}/${encodeURIComponent(id)}`));
      } catch {
        return null;
      }
    },
  };
}
