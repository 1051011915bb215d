import type { Announcements, DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import { DndContext, DragOverlay } from '@dnd-kit/core';
import type { EntityDoc, Field, FieldType, FormDoc, Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { UndoRedoButtons } from '../history/undo-redo-buttons';
import { undoRedoKey } from '../history/undo-stacks';
import type { FormRendererProps } from '../renderer/form-renderer';
import { FormRenderer } from '../renderer/form-renderer';
import type { DesignerDragData, DesignerDropData, DropTarget } from './designer-dnd';
import { designerCollisionDetection, resolveDesignerDrop, useDesignerSensors } from './designer-dnd';
import type { DesignerAction, DesignerState } from './designer-state';
import { initDesignerState } from './designer-state';
import { designerText } from './designer-text';
import { FieldPalette } from './field-palette';
import { FIELD_TYPE_META } from './field-type-meta';
import { FormCanvas } from './form-canvas';
import { formDesignerReducer } from './form-designer-reducer';
import { PropertyPanel } from './property-panel';

export interface FormDesignerProps {
  entity: EntityDoc;
  form: FormDoc;
  /** Every edit (and undo/redo) reports the new form. */
  onChange: (form: FormDoc) => void;
  locale?: Locale;
  /**
   * A field TYPE was dropped from the palette: the host creates the field on the entity (and passes the
   * updated entity back) and returns it; the designer places an item for it at the drop position.
   * Return null to cancel. Without this prop the palette offers only the entity's existing fields.
   */
  onAddField?: (type: FieldType) => Field | null | Promise<Field | null>;
  /** Edits of entity field properties from the panel (required, options, validations). */
  onFieldChange?: (field: Field) => void;
  /** Field types the palette offers (default: all). */
  paletteTypes?: readonly FieldType[];
  /** Show the live preview initially (default true). */
  preview?: boolean;
  /** Data sources for the preview's widgets (lookup, users, uploader…). */
  previewProps?: Partial<Omit<FormRendererProps, 'entity' | 'form' | 'value' | 'onChange'>>;
}

/**
 * The drag-and-drop form designer: palette (field types and existing fields) → canvas (tabs, sections,
 * columns, items) → property panel (labels, widget, span, help, options, validations and condition
 * builders), undo/redo (buttons, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y), keyboard drag (focus a handle or
 * palette tile, Space, arrows, Space), and a live preview rendered by FormRenderer.
 *
 * @example
 * <FormDesigner entity={entity} form={form} onChange={saveDraftForm}
 *   onAddField={(type) => addFieldToEntity(type)} onFieldChange={updateEntityField} />
 */
export function FormDesigner(p: FormDesignerProps) {
  const locale = p.locale ?? 'zh-CN';
  const [state, dispatch] = useReducer(formDesignerReducer, p.form, initDesignerState);
  const lastEmitted = useRef(p.form);
  const { onChange } = p;

  useEffect(() => {
    // A form from outside (another document opened, server reload) replaces the history.
    if (p.form !== lastEmitted.current) {
      lastEmitted.current = p.form;
      dispatch({ type: 'load', form: p.form });
    }
  }, [p.form]);
  useEffect(() => {
    if (state.form !== lastEmitted.current) {
      lastEmitted.current = state.form;
      onChange(state.form);
    }
  }, [state.form, onChange]);

  const addAt = useAddAt(p, state, dispatch);
  const sensors = useDesignerSensors();
  const [dragging, setDragging] = useState<DesignerDragData | null>(null);
  const onDragStart = (e: DragStartEvent) =>
    setDragging((e.active.data.current as DesignerDragData | undefined) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const active = e.active.data.current as DesignerDragData | undefined;
    const target = resolveDesignerDrop(state.form, e.over?.data.current as DesignerDropData | undefined);
    if (!active || !target) return;
    if (active.kind === 'item')
      dispatch({ type: 'moveItem', itemId: active.itemId, sectionId: target.sectionId, index: target.index });
    else void addAt(active, target);
  };
  const onPick = (data: DesignerDragData) => {
    const target = currentSectionEnd(state);
    if (target) void addAt(data, target);
  };

  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const action = undoRedoKey(e);
    if (!action) return;
    dispatch({ type: action });
    e.preventDefault();
  };

  const used = useMemo(
    () => new Set(state.form.sections.flatMap((s) => s.items.map((i) => i.field))),
    [state.form],
  );
  const [showPreview, setShowPreview] = useState(p.preview !== false);
  const [previewValues, setPreviewValues] = useState<Record<string, unknown>>({});
  const announcements = useMemo(() => designerAnnouncements(locale), [locale]);
  return (
    <div className="lf-designer" onKeyDown={onKeyDown} data-designer={state.form.name}>
      <div className="lf-designer-toolbar">
        <UndoRedoButtons
          canUndo={state.past.length > 0}
          canRedo={state.future.length > 0}
          onUndo={undo}
          onRedo={redo}
          locale={locale}
        />
        <button
          type="button"
          className="lf-button"
          data-action="add-section"
          onClick={() => dispatch({ type: 'addSection' })}
        >
          + {designerText('addSection', locale)}
        </button>
        <button
          type="button"
          className="lf-button"
          data-action="add-tab"
          onClick={() => dispatch({ type: 'addTab' })}
        >
          + {designerText('addTab', locale)}
        </button>
        <span className="lf-spacer" />
        <button
          type="button"
          className="lf-button"
          data-action="toggle-preview"
          aria-pressed={showPreview}
          onClick={() => setShowPreview((s) => !s)}
        >
          {designerText(showPreview ? 'hidePreview' : 'preview', locale)}
        </button>
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={designerCollisionDetection}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: designerInstructions(locale) },
        }}
      >
        <aside className="lf-panel">
          <FieldPalette
            locale={locale}
            entity={p.entity}
            usedFields={used}
            types={p.onAddField ? p.paletteTypes : []}
            onPick={onPick}
          />
        </aside>
        <FormCanvas state={state} dispatch={dispatch} entity={p.entity} locale={locale} />
        <aside className="lf-panel lf-props-panel">
          <PropertyPanel
            state={state}
            dispatch={dispatch}
            entity={p.entity}
            locale={locale}
            onFieldChange={p.onFieldChange}
          />
        </aside>
        <DragOverlay dropAnimation={null}>
          {dragging ? (
            <div className="lf-drag-overlay">{dragLabel(dragging, p.entity, state, locale)}</div>
          ) : null}
        </DragOverlay>
      </DndContext>
      {showPreview && (
        <div className="lf-preview lf-panel" data-preview="">
          <h3>{designerText('preview', locale)}</h3>
          <FormRenderer
            {...p.previewProps}
            entity={p.entity}
            form={state.form}
            value={previewValues}
            onChange={setPreviewValues}
            locale={locale}
          />
        </div>
      )}
    </div>
  );
}

/** Places a palette drop: existing fields directly, new field types after the host created the field. */
function useAddAt(p: FormDesignerProps, state: DesignerState, dispatch: (a: DesignerAction) => void) {
  const { onAddField } = p;
  const formRef = useRef(state.form);
  formRef.current = state.form;
  return useCallback(
    async (data: DesignerDragData, target: DropTarget) => {
      if (data.kind === 'palette-field') {
        dispatch({
          type: 'addItem',
          sectionId: target.sectionId,
          index: target.index,
          item: { field: data.fieldName },
        });
      } else if (data.kind === 'palette-type' && onAddField) {
        const field = await onAddField(data.fieldType);
        if (field)
          dispatch({
            type: 'addItem',
            sectionId: target.sectionId,
            index: target.index,
            item: { field: field.name },
          });
      }
    },
    [onAddField, dispatch],
  );
}

/** The end of the selected section (or the selected item's section, or the first visible one). */
function currentSectionEnd(state: DesignerState): DropTarget | null {
  const { form, selectedId, activeTab } = state;
  const section =
    form.sections.find((s) => s.id === selectedId || s.items.some((i) => i.id === selectedId)) ??
    form.sections.find((s) => !s.tab || s.tab === activeTab);
  return section ? { sectionId: section.id, index: section.items.length } : null;
}

function dragLabel(d: DesignerDragData, entity: EntityDoc, state: DesignerState, locale: Locale): string {
  if (d.kind === 'palette-type') return pickText(FIELD_TYPE_META[d.fieldType].label, locale);
  const name =
    d.kind === 'palette-field'
      ? d.fieldName
      : state.form.sections.flatMap((s) => s.items).find((i) => i.id === d.itemId)?.field;
  const field = entity.fields.find((f) => f.name === name);
  return field ? pickText(field.label, locale) : (name ?? '');
}

function designerInstructions(locale: Locale): string {
  return locale === 'en'
    ? 'Press Space or Enter to pick up. Use the arrow keys to move, Space or Enter to drop, Escape to cancel.'
    : '按空格或回车键拿起，方向键移动，再按空格或回车键放下，Esc 取消。';
}

function designerAnnouncements(locale: Locale): Announcements {
  const en = locale === 'en';
  return {
    onDragStart: () => (en ? 'Picked up.' : '已拿起。'),
    onDragOver: ({ over }) =>
      over
        ? en
          ? `Over ${over.id}.`
          : `位于 ${over.id} 上方。`
        : en
          ? 'Not over a drop target.'
          : '不在可放置区域。',
    onDragEnd: ({ over }) =>
      over ? (en ? `Dropped on ${over.id}.` : `已放到 ${over.id}。`) : en ? 'Dropped.' : '已放下。',
    onDragCancel: () => (en ? 'Cancelled.' : '已取消。'),
  };
}
