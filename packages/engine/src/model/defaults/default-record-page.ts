import { type AppDefinition, documentsOfKind } from '../app';
import type { EntityDoc } from '../entity';
import type { RecordPageSection, RecordPageView } from '../view';
import { derivedName, isColumnField, WIDE_FIELD_TYPES } from './default-field-layout';

/** Columns of a default related list after the child's title field. */
const RELATED_COLUMNS = 3;

/**
 * A record (360) page for an entity with none yet: its short fields, its wide fields, one related list
 * per reference from another entity of `app` pointing at it, then history and approvals.
 *
 * @example
 * defaultRecordPage(customer, app).sections.map((s) => s.type);
 * // ['fields', 'fields', 'related', 'related', 'history', 'approvals']
 */
export function defaultRecordPage(entity: EntityDoc, app?: Pick<AppDefinition, 'documents'>): RecordPageView {
  const short = entity.fields.filter((f) => !WIDE_FIELD_TYPES.includes(f.type)).map((f) => f.name);
  const wide = entity.fields.filter((f) => WIDE_FIELD_TYPES.includes(f.type)).map((f) => f.name);
  const sections: RecordPageSection[] = [
    { type: 'fields', id: 'details', title: { zh: '基本信息', en: 'Details' }, fields: short, columns: 2 },
  ];
  if (wide.length > 0)
    sections.push({
      type: 'fields',
      id: 'more',
      title: { zh: '更多信息', en: 'More' },
      fields: wide,
      columns: 1,
    });
  sections.push(...relatedSections(entity, app));
  sections.push(
    { type: 'history', id: 'history', title: { zh: '变更历史', en: 'History' } },
    { type: 'approvals', id: 'approvals', title: { zh: '审批记录', en: 'Approvals' } },
  );
  return {
    kind: 'view',
    schemaVersion: 1,
    type: 'record',
    name: derivedName(entity.name, '_record'),
    entity: entity.name,
    label: entity.label,
    sections,
  };
}

function relatedSections(
  entity: EntityDoc,
  app: Pick<AppDefinition, 'documents'> | undefined,
): RecordPageSection[] {
  if (!app) return [];
  return documentsOfKind(app, 'entity').flatMap((child) =>
    child.fields.flatMap((via): RecordPageSection[] => {
      if (via.type !== 'reference' || via.target !== entity.name) return [];
      const columns = child.fields
        .filter((f) => f.name !== child.titleField && f.name !== via.name && isColumnField(f))
        .slice(0, RELATED_COLUMNS)
        .map((f) => f.name);
      return [
        {
          type: 'related',
          id: `rel_${child.name}_${via.name}`.slice(0, 64),
          title: child.pluralLabel ?? child.label,
          entity: child.name,
          via: via.name,
          columns: [child.titleField, ...columns],
          sort: [{ field: 'created_at', dir: 'desc' }],
          limit: 20,
        },
      ];
    }),
  );
}
