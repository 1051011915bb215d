import { VALIDATION_NOUNS } from '../../i18n/validation-nouns';
import { assertNever } from '../../model/assert-never';
import { DATE_FIELD_TYPES } from '../../model/field-types';
import type { RecordPageSection, SortSpec, ViewDoc } from '../../model/view';
import type { IndexedEntity } from './app-index';
import {
  type CheckContext,
  checkFilter,
  checkUnique,
  requireBackReference,
  requireDocument,
  requireEntity,
  requireField,
  requireFieldType,
} from './check-context';

/** Semantic checks of a view: entity, columns, sorts, typed fields, and every record page section. */
export function checkView(ctx: CheckContext, doc: ViewDoc, p: string): void {
  const entity = requireEntity(ctx, doc.entity, `${p}.entity`);
  checkFilter(ctx, doc.filter, `${p}.filter`);
  checkSort(ctx, entity, doc.sort, `${p}.sort`);
  switch (doc.type) {
    case 'list':
      doc.columns.forEach((c, i) => {
        requireField(ctx, entity, c, `${p}.columns.${i}`);
      });
      return;
    case 'kanban':
      requireFieldType(ctx, entity, doc.stageField, ['stage', 'select'], `${p}.stageField`);
      doc.cardFields.forEach((c, i) => {
        requireField(ctx, entity, c, `${p}.cardFields.${i}`);
      });
      return;
    case 'calendar':
      requireFieldType(ctx, entity, doc.dateField, DATE_FIELD_TYPES, `${p}.dateField`);
      if (doc.endField !== undefined)
        requireFieldType(ctx, entity, doc.endField, DATE_FIELD_TYPES, `${p}.endField`);
      return;
    case 'record':
      checkUnique(
        ctx,
        doc.sections,
        (s) => s.id,
        (i) => `${p}.sections.${i}.id`,
        VALIDATION_NOUNS.sectionId,
      );
      doc.sections.forEach((s, i) => {
        checkSection(ctx, doc.entity, entity, s, `${p}.sections.${i}`);
      });
      return;
    default:
      assertNever(doc, 'view type');
  }
}

function checkSort(
  ctx: CheckContext,
  entity: IndexedEntity | undefined,
  sort: SortSpec[] | undefined,
  p: string,
): void {
  sort?.forEach((s, i) => {
    requireField(ctx, entity, s.field, `${p}.${i}.field`);
  });
}

function checkSection(
  ctx: CheckContext,
  parentName: string,
  entity: IndexedEntity | undefined,
  s: RecordPageSection,
  p: string,
): void {
  switch (s.type) {
    case 'fields':
      s.fields.forEach((f, i) => {
        requireField(ctx, entity, f, `${p}.fields.${i}`);
      });
      return;
    case 'kpis':
      s.cards.forEach((c, i) => {
        const cp = `${p}.cards.${i}`;
        if (c.field !== undefined) requireField(ctx, entity, c.field, `${cp}.field`);
        if (!c.related) return;
        const child = requireEntity(ctx, c.related.entity, `${cp}.related.entity`);
        requireBackReference(ctx, child, c.related.via, parentName, `${cp}.related.via`);
        if (c.related.measure !== undefined)
          requireField(ctx, child, c.related.measure, `${cp}.related.measure`);
        checkFilter(ctx, c.related.filter, `${cp}.related.filter`);
      });
      return;
    case 'related': {
      const child = requireEntity(ctx, s.entity, `${p}.entity`);
      requireBackReference(ctx, child, s.via, parentName, `${p}.via`);
      s.columns.forEach((c, i) => {
        requireField(ctx, child, c, `${p}.columns.${i}`);
      });
      checkSort(ctx, child, s.sort, `${p}.sort`);
      checkFilter(ctx, s.filter, `${p}.filter`);
      return;
    }
    case 'timeline':
      s.sources.forEach((src, i) => {
        const sp = `${p}.sources.${i}`;
        const child = requireEntity(ctx, src.entity, `${sp}.entity`);
        requireBackReference(ctx, child, src.via, parentName, `${sp}.via`);
        requireFieldType(ctx, child, src.dateField, DATE_FIELD_TYPES, `${sp}.dateField`);
        requireField(ctx, child, src.titleField, `${sp}.titleField`);
      });
      return;
    case 'chart':
      requireDocument(ctx, 'report', s.report, `${p}.report`);
      return;
    case 'history':
    case 'approvals':
      return;
    default:
      assertNever(s, 'record page section');
  }
}
