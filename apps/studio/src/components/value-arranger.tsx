import type { DragEndEvent } from '@dnd-kit/core';
import { DndContext } from '@dnd-kit/core';
import { horizontalListSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import { dropInBuckets, itemId, paletteId, zoneId } from '../model/arrange-buckets';
import { arrangeCollision, DropZone, PaletteChip, SortableChip, useArrangeSensors } from './arrange-dnd';

/**
 * An ordered pick of values (list columns, kanban card fields): drag palette chips into the zone, drag chips
 * to reorder, × to remove, or click a palette chip to append. Keyboard drag works (Space, arrows, Space).
 */
export function ValueArranger(p: {
  name: string;
  value: readonly string[];
  options: readonly { value: string; label: string }[];
  onChange: (next: string[]) => void;
  emptyText: string;
  removeLabel: string;
}) {
  const sensors = useArrangeSensors();
  const labelOf = (v: string) => p.options.find((o) => o.value === v)?.label ?? v;
  const onDragEnd = (e: DragEndEvent) => {
    const next = dropInBuckets({ [p.name]: p.value }, String(e.active.id), e.over ? String(e.over.id) : null);
    if (next[p.name] !== p.value) p.onChange([...next[p.name]!]);
  };
  return (
    <DndContext sensors={sensors} collisionDetection={arrangeCollision} onDragEnd={onDragEnd}>
      <div className="st-props" data-arranger={p.name}>
        <SortableContext
          items={p.value.map((v) => itemId(p.name, v))}
          strategy={horizontalListSortingStrategy}
        >
          <DropZone id={zoneId(p.name)} bucket={p.name} empty={p.emptyText}>
            {p.value.map((v) => (
              <SortableChip
                key={v}
                id={itemId(p.name, v)}
                value={v}
                label={labelOf(v)}
                removeLabel={p.removeLabel}
                onRemove={() => p.onChange(p.value.filter((x) => x !== v))}
              />
            ))}
          </DropZone>
        </SortableContext>
        <div className="st-palette">
          {p.options.map((o) => (
            <PaletteChip
              key={o.value}
              id={paletteId(o.value)}
              value={o.value}
              label={o.label}
              used={p.value.includes(o.value)}
              onAdd={() => !p.value.includes(o.value) && p.onChange([...p.value, o.value])}
            />
          ))}
        </div>
      </div>
    </DndContext>
  );
}
