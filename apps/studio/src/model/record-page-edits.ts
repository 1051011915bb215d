import type { AppDefinition, EntityDoc, RecordPageSection, RecordPageView } from '@lattice/engine';
import { documentsOfKind } from '@lattice/engine';
import type { Buckets } from './arrange-buckets';

export type SectionType = RecordPageSection['type'];

export const SECTION_TITLES: Record<SectionType, { zh: string; en: string }> = {
  fields: { zh: '字段组', en: 'Fields' },
  related: { zh: '相关列表', en: 'Related' },
  kpis: { zh: '关键指标', en: 'KPIs' },
  timeline: { zh: '时间线', en: 'Timeline' },
  chart: { zh: '图表', en: 'Chart' },
  history: { zh: '变更历史', en: 'History' },
  approvals: { zh: '审批记录', en: 'Approvals' },
};

/** References from other entities to `entity` (what related lists, KPIs and timelines can follow). */
export function referencesTo(draft: AppDefinition, entity: string): { child: EntityDoc; via: string }[] {
  return documentsOfKind(draft, 'entity').flatMap((child) =>
    child.fields
      .filter((f) => f.type === 'reference' && f.target === entity)
      .map((f) => ({ child, via: f.name })),
  );
}

function uniqueSectionId(page: RecordPageView, base: string): string {
  const ids = new Set(page.sections.map((s) => s.id));
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** A new section of `type` with sensible contents, or null when the entity cannot have one (no references). */
export function newSection(
  type: SectionType,
  page: RecordPageView,
  draft: AppDefinition,
): RecordPageSection | null {
  const id = uniqueSectionId(page, type);
  const title = SECTION_TITLES[type];
  const refs = referencesTo(draft, page.entity);
  const first = refs[0];
  switch (type) {
    case 'fields':
      return { type, id, title, fields: [], columns: 2 };
    case 'related':
      return first
        ? {
            type,
            id,
            title: first.child.label,
            entity: first.child.name,
            via: first.via,
            columns: [first.child.titleField],
          }
        : null;
    case 'kpis':
      return {
        type,
        id,
        title,
        cards: first
          ? [
              {
                label: first.child.label,
                related: { entity: first.child.name, via: first.via, aggregate: 'count' },
                format: 'number',
              },
            ]
          : [],
      };
    case 'timeline': {
      const src = refs.find((r) => r.child.fields.some((f) => f.type === 'date' || f.type === 'datetime'));
      const dateField = src?.child.fields.find((f) => f.type === 'date' || f.type === 'datetime')?.name;
      return {
        type,
        id,
        title,
        sources:
          src && dateField
            ? [{ entity: src.child.name, via: src.via, dateField, titleField: src.child.titleField }]
            : [],
      };
    }
    case 'chart': {
      const report = documentsOfKind(draft, 'report')[0];
      return report ? { type, id, title, report: report.name } : null;
    }
    case 'history':
    case 'approvals':
      return { type, id, title };
  }
}

/** The field groups of a record page as buckets (section id → field names). */
export function fieldBuckets(page: RecordPageView): Buckets {
  return Object.fromEntries(page.sections.flatMap((s) => (s.type === 'fields' ? [[s.id, s.fields]] : [])));
}

/** Writes buckets back into the page's field groups. */
export function withFieldBuckets(page: RecordPageView, buckets: Buckets): RecordPageView {
  return {
    ...page,
    sections: page.sections.map((s) =>
      s.type === 'fields' && buckets[s.id] ? { ...s, fields: [...buckets[s.id]!] } : s,
    ),
  };
}

/** Moves section `id` to where section `overId` is. */
export function moveSection(page: RecordPageView, id: string, overId: string): RecordPageView {
  const from = page.sections.findIndex((s) => s.id === id);
  const to = page.sections.findIndex((s) => s.id === overId);
  if (from < 0 || to < 0 || from === to) return page;
  const sections = [...page.sections];
  const [moved] = sections.splice(from, 1);
  sections.splice(to, 0, moved!);
  return { ...page, sections };
}
