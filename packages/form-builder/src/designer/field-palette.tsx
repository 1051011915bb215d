import { useDraggable } from '@dnd-kit/core';
import type { EntityDoc, FieldType, Locale } from '@lattice/engine';
import { FIELD_TYPES, pickText } from '@lattice/engine';
import type { DesignerDragData } from './designer-dnd';
import { designerText } from './designer-text';
import { FIELD_TYPE_GROUPS, FIELD_TYPE_META } from './field-type-meta';

export interface FieldPaletteProps {
  locale?: Locale;
  /** Field types offered as "new field" tiles (default: all). Pass [] to hide the group. */
  types?: readonly FieldType[];
  /** When given, its fields are offered as tiles too (those already placed are dimmed). */
  entity?: EntityDoc;
  /** Field names already on the canvas. */
  usedFields?: ReadonlySet<string>;
  /**
   * Click / Enter on a tile without dragging: lets keyboard and touch users add a field to the current
   * section (the designer appends it to the selected section).
   */
  onPick?: (data: DesignerDragData) => void;
}

/**
 * The palette: draggable tiles for field types (a new field) and for the entity's existing fields.
 * Must be rendered inside a dnd-kit `DndContext`; drops carry {@link DesignerDragData}. The studio's
 * entity designer uses it with `types` only (no entity) to build an entity's fields by drag and drop.
 */
export function FieldPalette(p: FieldPaletteProps) {
  const locale = p.locale ?? 'zh-CN';
  const types = p.types ?? FIELD_TYPES;
  return (
    <div className="lf-palette" data-palette="">
      {types.length > 0 && <h3>{designerText('fieldTypes', locale)}</h3>}
      {FIELD_TYPE_GROUPS.map((g) => {
        const inGroup = types.filter((t) => FIELD_TYPE_META[t].group === g.id);
        if (inGroup.length === 0) return null;
        return (
          <div key={g.id} className="lf-palette-group" role="group" aria-label={pickText(g.label, locale)}>
            {inGroup.map((t) => (
              <PaletteTile
                key={t}
                id={`palette:type:${t}`}
                data={{ kind: 'palette-type', fieldType: t }}
                icon={FIELD_TYPE_META[t].icon}
                label={pickText(FIELD_TYPE_META[t].label, locale)}
                testId={`palette-type-${t}`}
                onPick={p.onPick}
              />
            ))}
          </div>
        );
      })}
      {p.entity && p.entity.fields.length > 0 && (
        <>
          <h3>{designerText('existingFields', locale)}</h3>
          <div className="lf-palette-group" role="group">
            {p.entity.fields.map((f) => (
              <PaletteTile
                key={f.id}
                id={`palette:field:${f.name}`}
                data={{ kind: 'palette-field', fieldName: f.name }}
                icon={FIELD_TYPE_META[f.type].icon}
                label={pickText(f.label, locale)}
                testId={`palette-field-${f.name}`}
                used={p.usedFields?.has(f.name) === true}
                onPick={p.onPick}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function PaletteTile(p: {
  id: string;
  data: DesignerDragData;
  icon: string;
  label: string;
  testId: string;
  used?: boolean;
  onPick?: (data: DesignerDragData) => void;
}) {
  const { attributes, listeners, setNodeRef } = useDraggable({ id: p.id, data: p.data });
  return (
    <div
      ref={setNodeRef}
      className={`lf-palette-item${p.used ? ' is-used' : ''}`}
      data-palette-item={p.testId}
      title={p.label}
      {...attributes}
      {...listeners}
      onDoubleClick={() => p.onPick?.(p.data)}
    >
      <span className="lf-palette-icon" aria-hidden="true">
        {p.icon}
      </span>
      <span>{p.label}</span>
    </div>
  );
}
