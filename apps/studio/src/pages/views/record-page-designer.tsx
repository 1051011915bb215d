import type { DragEndEvent } from '@dnd-kit/core';
import { DndContext } from '@dnd-kit/core';
import {
  rectSortingStrategy,
  SortableContext,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import type { AppDefinition, EntityDoc, RecordPageSection, RecordPageView } from '@lattice/engine';
import {
  arrangeCollision,
  DropZone,
  PaletteChip,
  SortableChip,
  useArrangeSensors,
} from '../../components/arrange-dnd';
import { I18nInputs } from '../../components/i18n-inputs';
import { label } from '../../lib/i18n';
import { t } from '../../lib/studio-text';
import { dropInBuckets, itemId, paletteId, zoneId } from '../../model/arrange-buckets';
import type { SectionType } from '../../model/record-page-edits';
import { fieldBuckets, moveSection, newSection, withFieldBuckets } from '../../model/record-page-edits';
import { SelectProp } from '../entity/number-prop';
import { ChartBody, KpisBody, RelatedBody, TimelineBody } from './record-section-body';

const SECTION_LABEL: Record<SectionType, Parameters<typeof t>[0]> = {
  fields: 'secFields',
  related: 'secRelated',
  kpis: 'secKpis',
  timeline: 'secTimeline',
  chart: 'secChart',
  history: 'secHistory',
  approvals: 'secApprovals',
};

/**
 * The record (360) page designer: sections in order (drag the handle to reorder), field groups that fields
 * are dragged into and between (from the palette too), related lists, KPI cards, timeline, chart, history
 * and approvals. One DndContext; sections only collide with sections, fields with groups.
 */
export function RecordPageDesigner(p: {
  page: RecordPageView;
  entity: EntityDoc;
  draft: AppDefinition;
  onChange: (v: RecordPageView) => void;
}) {
  const sensors = useArrangeSensors();
  const { page, entity } = p;
  const placed = new Set(page.sections.flatMap((s) => (s.type === 'fields' ? s.fields : [])));
  const onDragEnd = (e: DragEndEvent) => {
    const active = String(e.active.id);
    const over = e.over ? String(e.over.id) : null;
    if (active.startsWith('sec:')) {
      if (over?.startsWith('sec:')) p.onChange(moveSection(page, active.slice(4), over.slice(4)));
      return;
    }
    const buckets = fieldBuckets(page);
    const next = dropInBuckets(buckets, active, over);
    if (next !== buckets) p.onChange(withFieldBuckets(page, next));
  };
  const setSection = (s: RecordPageSection) =>
    p.onChange({ ...page, sections: page.sections.map((x) => (x.id === s.id ? s : x)) });
  return (
    <DndContext sensors={sensors} collisionDetection={arrangeCollision} onDragEnd={onDragEnd}>
      <fieldset className="st-fieldset">
        <legend>{t('unplacedFields')}</legend>
        <div className="st-palette" data-testid="record-page-palette">
          {entity.fields.map((f) => (
            <PaletteChip
              key={f.name}
              id={paletteId(f.name)}
              value={f.name}
              label={label(f.label) || f.name}
              used={placed.has(f.name)}
              onAdd={() => {
                const group = page.sections.find((s) => s.type === 'fields');
                if (!group || placed.has(f.name)) return;
                const b = fieldBuckets(page);
                p.onChange(withFieldBuckets(page, dropInBuckets(b, paletteId(f.name), zoneId(group.id))));
              }}
            />
          ))}
        </div>
      </fieldset>
      <div className="st-row" style={{ marginBottom: 10 }}>
        <span className="lt-muted">{t('addSection')}</span>
        {(Object.keys(SECTION_LABEL) as SectionType[]).map((type) => {
          const section = newSection(type, page, p.draft);
          return (
            <button
              key={type}
              type="button"
              className="lt-btn"
              data-add-section={type}
              disabled={!section}
              title={section ? undefined : t('noRelated')}
              onClick={() => section && p.onChange({ ...page, sections: [...page.sections, section] })}
            >
              + {t(SECTION_LABEL[type])}
            </button>
          );
        })}
      </div>
      <SortableContext items={page.sections.map((s) => `sec:${s.id}`)} strategy={verticalListSortingStrategy}>
        {page.sections.map((s) => (
          <SortableSection
            key={s.id}
            section={s}
            entity={entity}
            draft={p.draft}
            onChange={setSection}
            onRemove={() => p.onChange({ ...page, sections: page.sections.filter((x) => x.id !== s.id) })}
          />
        ))}
      </SortableContext>
    </DndContext>
  );
}

function SortableSection(p: {
  section: RecordPageSection;
  entity: EntityDoc;
  draft: AppDefinition;
  onChange: (s: RecordPageSection) => void;
  onRemove: () => void;
}) {
  const { section: s } = p;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: `sec:${s.id}` });
  return (
    <div
      ref={setNodeRef}
      className="lt-card st-view-section"
      data-record-section={s.id}
      data-section-type={s.type}
      style={{
        transform: transform ? `translate3d(0, ${Math.round(transform.y)}px, 0)` : undefined,
        transition,
        opacity: isDragging ? 0.7 : 1,
      }}
    >
      <div className="st-view-section-head">
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="st-chip-handle"
          aria-label={`${t('sections')} ${label(s.title)}`}
          {...attributes}
          {...listeners}
        >
          ⠿
        </button>
        <span className="st-tag is-change">{t(SECTION_LABEL[s.type])}</span>
        <div style={{ flex: 1 }}>
          <I18nInputs
            name={`${s.id}.title`}
            value={s.title}
            onChange={(title) => p.onChange({ ...s, title })}
          />
        </div>
        <button type="button" className="lt-btn lt-btn-danger" aria-label={t('remove')} onClick={p.onRemove}>
          ×
        </button>
      </div>
      <SectionBody {...p} />
    </div>
  );
}

function SectionBody(p: {
  section: RecordPageSection;
  entity: EntityDoc;
  draft: AppDefinition;
  onChange: (s: RecordPageSection) => void;
}) {
  const { section: s, entity } = p;
  switch (s.type) {
    case 'fields':
      return (
        <>
          <SortableContext items={s.fields.map((f) => itemId(s.id, f))} strategy={rectSortingStrategy}>
            <DropZone id={zoneId(s.id)} bucket={s.id} empty={t('dropFieldsHere')}>
              {s.fields.map((f) => (
                <SortableChip
                  key={f}
                  id={itemId(s.id, f)}
                  value={f}
                  label={label(entity.fields.find((x) => x.name === f)?.label) || f}
                  removeLabel={t('remove')}
                  onRemove={() => p.onChange({ ...s, fields: s.fields.filter((x) => x !== f) })}
                />
              ))}
            </DropZone>
          </SortableContext>
          <div style={{ maxWidth: 160 }}>
            <SelectProp
              name={`${s.id}.columns`}
              label={t('groupColumns')}
              value={String(s.columns ?? 2)}
              options={['1', '2', '3', '4'].map((n) => ({ value: n, label: n }))}
              onChange={(n) => p.onChange({ ...s, columns: Number(n) })}
            />
          </div>
        </>
      );
    case 'related':
      return <RelatedBody section={s} entity={entity} draft={p.draft} onChange={p.onChange} />;
    case 'kpis':
      return <KpisBody section={s} entity={entity} draft={p.draft} onChange={p.onChange} />;
    case 'timeline':
      return <TimelineBody section={s} entity={entity} draft={p.draft} onChange={p.onChange} />;
    case 'chart':
      return <ChartBody section={s} entity={entity} draft={p.draft} onChange={p.onChange} />;
    case 'history':
    case 'approvals':
      return null;
  }
}
