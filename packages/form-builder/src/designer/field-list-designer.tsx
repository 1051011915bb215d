import type { DragEndEvent } from '@dnd-kit/core';
import { DndContext, DragOverlay, useDroppable } from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Field, FieldType, Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { DesignerDragData } from './designer-dnd';
import { designerCollisionDetection, useDesignerSensors } from './designer-dnd';
import { designerText } from './designer-text';
import { FieldPalette } from './field-palette';
import { FIELD_TYPE_META } from './field-type-meta';

const LIST_DROP_ID = 'field-list';

export interface FieldListDesignerProps {
  fields: readonly Field[];
  locale?: Locale;
  selectedId?: string | null;
  onSelect?: (fieldId: string) => void;
  /** A field type was dropped at `index` (or double-clicked: appended); the host creates the field. */
  onAddField: (type: FieldType, index: number) => void;
  /** A field was dragged to `toIndex` (final position, arrayMove semantics). */
  onMoveField: (fieldId: string, toIndex: number) => void;
  onRemoveField?: (fieldId: string) => void;
  paletteTypes?: readonly FieldType[];
  /** Rendered in the right-hand column (the host's field property panel). */
  children?: ReactNode;
}

/**
 * Where a drop on the field list lands: before the field dropped on, or at the end when dropped on
 * the list itself. Returns null for drops elsewhere.
 */
export function resolveFieldListDrop(
  fields: readonly Pick<Field, 'id'>[],
  overId: string | null | undefined,
): number | null {
  if (overId === null || overId === undefined) return null;
  if (overId === LIST_DROP_ID) return fields.length;
  const index = fields.findIndex((f) => f.id === overId);
  return index >= 0 ? index : null;
}

/**
 * The entity designer's canvas: the same palette as the form designer, and the entity's fields as a
 * sortable list. Drag a type from the palette onto the list to add a field, or drag rows to reorder;
 * the keyboard works too (Space, arrows, Space). Field properties are the host's `children`.
 *
 * @example
 * <FieldListDesigner fields={entity.fields} selectedId={sel} onSelect={setSel}
 *   onAddField={(type, index) => addField(type, index)} onMoveField={moveField}>
 *   <FieldProperties field={selectedField} />
 * </FieldListDesigner>
 */
export function FieldListDesigner(p: FieldListDesignerProps) {
  const locale = p.locale ?? 'zh-CN';
  const sensors = useDesignerSensors();
  const [dragging, setDragging] = useState<DesignerDragData | null>(null);
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const data = e.active.data.current as DesignerDragData | { kind: 'field'; fieldId: string } | undefined;
    const index = resolveFieldListDrop(p.fields, e.over ? String(e.over.id) : null);
    if (!data || index === null) return;
    if (data.kind === 'palette-type') p.onAddField(data.fieldType, index);
    else if (data.kind === 'field') {
      const from = p.fields.findIndex((f) => f.id === data.fieldId);
      // Dropped on the list's empty area: move to the end.
      const to = String(e.over?.id) === LIST_DROP_ID ? p.fields.length - 1 : index;
      if (from >= 0 && from !== to) p.onMoveField(data.fieldId, to);
    }
  };
  return (
    <div className="lf-designer lf-field-designer">
      <DndContext
        sensors={sensors}
        collisionDetection={designerCollisionDetection}
        onDragStart={(e) => setDragging((e.active.data.current as DesignerDragData | undefined) ?? null)}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
      >
        <aside className="lf-panel">
          <FieldPalette
            locale={locale}
            types={p.paletteTypes}
            onPick={(d) => d.kind === 'palette-type' && p.onAddField(d.fieldType, p.fields.length)}
          />
        </aside>
        <FieldList {...p} locale={locale} />
        <aside className="lf-panel lf-props-panel">{p.children}</aside>
        <DragOverlay dropAnimation={null}>
          {dragging?.kind === 'palette-type' ? (
            <div className="lf-drag-overlay">
              {pickText(FIELD_TYPE_META[dragging.fieldType].label, locale)}
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
    </div>
  );
}

function FieldList(p: FieldListDesignerProps & { locale: Locale }) {
  const { setNodeRef, isOver } = useDroppable({ id: LIST_DROP_ID });
  return (
    <SortableContext items={p.fields.map((f) => f.id)} strategy={verticalListSortingStrategy}>
      <div
        ref={setNodeRef}
        className={`lf-canvas-section lf-field-list${isOver ? ' is-over' : ''}`}
        data-field-list=""
      >
        <div className="lf-canvas-grid" style={{ '--lf-cols': 1 } as React.CSSProperties}>
          {p.fields.map((f) => (
            <FieldRow key={f.id} field={f} {...p} />
          ))}
          {p.fields.length === 0 && (
            <div className="lf-canvas-empty">{designerText('dropHere', p.locale)}</div>
          )}
        </div>
      </div>
    </SortableContext>
  );
}

function FieldRow(p: FieldListDesignerProps & { field: Field; locale: Locale }) {
  const { field, locale } = p;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: field.id,
      data: { kind: 'field', fieldId: field.id },
    });
  const label = pickText(field.label, locale) || field.name;
  return (
    <div
      ref={setNodeRef}
      className={`lf-canvas-item${p.selectedId === field.id ? ' is-selected' : ''}${isDragging ? ' is-dragging' : ''}`}
      data-field-row={field.name}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      onClick={() => p.onSelect?.(field.id)}
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
        {FIELD_TYPE_META[field.type].icon}
      </span>
      <span className="lf-canvas-item-label">
        {label}
        {field.required && <span className="lf-required">*</span>}
      </span>
      <small>
        {field.name} · {pickText(FIELD_TYPE_META[field.type].label, locale)}
      </small>
      {p.onRemoveField && (
        <button
          type="button"
          className="lf-link is-danger"
          aria-label={`${designerText('remove', locale)} ${label}`}
          onClick={(e) => {
            e.stopPropagation();
            p.onRemoveField?.(field.id);
          }}
        >
          ×
        </button>
      )}
    </div>
  );
}
