import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { EntityDoc, FormItem, FormSection, Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import { sectionDropId, tabDropId } from './designer-dnd';
import type { DesignerAction, DesignerState } from './designer-state';
import { designerText } from './designer-text';
import { FIELD_TYPE_META } from './field-type-meta';

export interface FormCanvasProps {
  state: DesignerState;
  dispatch: (action: DesignerAction) => void;
  entity: EntityDoc;
  locale?: Locale;
}

/**
 * The designer canvas: tab bar (tabs are drop targets), sections as droppable grids, items as sortable
 * tiles (drag by the handle; Space/Enter + arrows with the keyboard sensor). Render inside a
 * `DndContext` whose onDragEnd uses `resolveDesignerDrop`. Clicking selects; the property panel edits.
 */
export function FormCanvas(p: FormCanvasProps) {
  const locale = p.locale ?? 'zh-CN';
  const { form, activeTab } = p.state;
  const tabs = form.tabs ?? [];
  const tabIds = new Set(tabs.map((t) => t.id));
  const untabbed = form.sections.filter((s) => !s.tab || !tabIds.has(s.tab));
  const tabbed = form.sections.filter((s) => s.tab !== undefined && s.tab === activeTab);
  const renderSection = (s: FormSection) => (
    <CanvasSection
      key={s.id}
      section={s}
      index={form.sections.indexOf(s)}
      count={form.sections.length}
      {...p}
      locale={locale}
    />
  );
  return (
    <div className="lf-canvas" data-canvas="">
      {untabbed.map(renderSection)}
      {tabs.length > 0 && (
        <div className="lf-tabs">
          <div className="lf-tab-bar" role="tablist">
            {tabs.map((t) => (
              <CanvasTab
                key={t.id}
                id={t.id}
                title={pickText(t.title, locale)}
                active={t.id === activeTab}
                selected={p.state.selectedId === t.id}
                onClick={() => {
                  p.dispatch({ type: 'showTab', tabId: t.id });
                  p.dispatch({ type: 'select', id: t.id });
                }}
              />
            ))}
          </div>
          {tabbed.map(renderSection)}
        </div>
      )}
    </div>
  );
}

function CanvasTab(p: {
  id: string;
  title: string;
  active: boolean;
  selected: boolean;
  onClick: () => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: tabDropId(p.id), data: { kind: 'tab', tabId: p.id } });
  return (
    <button
      ref={setNodeRef}
      type="button"
      role="tab"
      aria-selected={p.active}
      data-tab={p.id}
      className={`lf-tab${p.active ? ' is-active' : ''}${isOver ? ' is-over' : ''}${p.selected ? ' is-selected' : ''}`}
      onClick={p.onClick}
    >
      {p.title}
    </button>
  );
}

function CanvasSection(
  p: FormCanvasProps & { section: FormSection; index: number; count: number; locale: Locale },
) {
  const { section, dispatch, locale } = p;
  const { setNodeRef, isOver } = useDroppable({
    id: sectionDropId(section.id),
    data: { kind: 'section', sectionId: section.id },
  });
  const selected = p.state.selectedId === section.id;
  return (
    <section
      className={`lf-canvas-section${selected ? ' is-selected' : ''}${isOver ? ' is-over' : ''}`}
      data-section={section.id}
    >
      <div className="lf-canvas-section-head" onClick={() => dispatch({ type: 'select', id: section.id })}>
        <span>{pickText(section.title, locale) || designerText('section', locale)}</span>
        <small className="lf-muted">
          {section.columns} {designerText('columns', locale)}
        </small>
        <span className="lf-spacer" />
        <button
          type="button"
          className="lf-link"
          disabled={p.index === 0}
          aria-label={designerText('moveUp', locale)}
          onClick={(e) => {
            e.stopPropagation();
            dispatch({ type: 'moveSection', sectionId: section.id, index: p.index - 1 });
          }}
        >
          ↑
        </button>
        <button
          type="button"
          className="lf-link"
          disabled={p.index === p.count - 1}
          aria-label={designerText('moveDown', locale)}
          onClick={(e) => {
            e.stopPropagation();
            dispatch({ type: 'moveSection', sectionId: section.id, index: p.index + 1 });
          }}
        >
          ↓
        </button>
      </div>
      <SortableContext items={section.items.map((i) => i.id)} strategy={rectSortingStrategy}>
        <div
          ref={setNodeRef}
          className="lf-canvas-grid"
          data-drop-section={section.id}
          style={{ '--lf-cols': section.columns } as React.CSSProperties}
        >
          {section.items.map((item) => (
            <CanvasItem key={item.id} {...p} item={item} section={section} />
          ))}
          {section.items.length === 0 && (
            <div className="lf-canvas-empty">{designerText('dropHere', locale)}</div>
          )}
        </div>
      </SortableContext>
    </section>
  );
}

function CanvasItem(p: FormCanvasProps & { item: FormItem; section: FormSection; locale: Locale }) {
  const { item, section, dispatch, locale } = p;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: item.id,
      data: { kind: 'item', itemId: item.id, sectionId: section.id },
    });
  const field = p.entity.fields.find((f) => f.name === item.field);
  const span = Math.max(1, Math.min(item.span ?? 1, section.columns));
  const selected = p.state.selectedId === item.id;
  const label = pickText(item.label ?? field?.label, locale) || item.field;
  return (
    <div
      ref={setNodeRef}
      className={`lf-canvas-item${selected ? ' is-selected' : ''}${isDragging ? ' is-dragging' : ''}`}
      data-item={item.id}
      data-field={item.field}
      style={{
        transform: CSS.Translate.toString(transform),
        transition,
        gridColumn: span > 1 ? `span ${span}` : undefined,
      }}
      onClick={() => dispatch({ type: 'select', id: item.id })}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="lf-handle"
        aria-label={`${designerText('drag', locale)} ${label}`}
        {...attributes}
        {...listeners}
      >
        ⠿
      </button>
      <span className="lf-palette-icon" aria-hidden="true">
        {field ? FIELD_TYPE_META[field.type].icon : '?'}
      </span>
      <span className="lf-canvas-item-label">
        {label}
        {(field?.required || item.requiredWhen) && <span className="lf-required">*</span>}
      </span>
      {item.visibleWhen !== undefined && (
        <span className="lf-flag">{designerText('visibleWhen', locale)}</span>
      )}
      {!field && <small className="lf-error">{designerText('unknownField', locale)}</small>}
      <button
        type="button"
        className="lf-link is-danger"
        aria-label={`${designerText('remove', locale)} ${label}`}
        onClick={(e) => {
          e.stopPropagation();
          dispatch({ type: 'removeItem', itemId: item.id });
        }}
      >
        ×
      </button>
    </div>
  );
}
