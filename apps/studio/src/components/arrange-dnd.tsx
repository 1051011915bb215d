import type { CollisionDetection } from '@dnd-kit/core';
import {
  closestCenter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates, useSortable } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';

/** Pointer (after 4 px) and keyboard (Space, arrows, Space) sensors for the view designers. */
export function useArrangeSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
}

/**
 * Sections (`sec:` ids) only collide with sections; values (`item:`/`pal:`) with items first, then zones.
 * This keeps one DndContext for "reorder sections" and "move fields between groups".
 */
export const arrangeCollision: CollisionDetection = (args) => {
  const id = String(args.active.id);
  if (id.startsWith('sec:')) {
    return closestCenter({
      ...args,
      droppableContainers: args.droppableContainers.filter((c) => String(c.id).startsWith('sec:')),
    });
  }
  const targets = args.droppableContainers.filter((c) => /^(item|zone):/.test(String(c.id)));
  if (!args.pointerCoordinates) return keyboardCollision(args, targets);
  const within = pointerWithin({ ...args, droppableContainers: targets });
  const items = within.filter((c) => String(c.id).startsWith('item:'));
  if (items.length > 0) return items;
  if (within.length > 0) return within;
  return closestCenter({ ...args, droppableContainers: targets });
};

/**
 * Keyboard drags have no pointer: the sortable keyboard coordinates put the dragged chip's top-left corner on
 * its neighbour's, so that neighbour is the item whose corner lies nearest (chip widths differ, so centres
 * mislead). Away from any item — an empty zone — the nearest zone wins.
 */
function keyboardCollision(
  args: Parameters<CollisionDetection>[0],
  targets: Parameters<CollisionDetection>[0]['droppableContainers'],
) {
  const r = args.collisionRect;
  let best: (typeof targets)[number] | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of targets) {
    if (c.id === args.active.id || !String(c.id).startsWith('item:')) continue;
    const rect = args.droppableRects.get(c.id);
    if (!rect) continue;
    const d = Math.hypot(rect.left - r.left, rect.top - r.top);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  if (best && bestDistance < Math.max(r.height, 1)) {
    return [{ id: best.id, data: { droppableContainer: best, value: bestDistance } }];
  }
  return closestCenter({ ...args, droppableContainers: targets });
}

/** A placed value: drag handle + label + remove. `data-chip="<value>"`. */
export function SortableChip(p: {
  id: string;
  value: string;
  label: string;
  onRemove?: () => void;
  removeLabel: string;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: p.id });
  return (
    <span
      ref={setNodeRef}
      className={`st-chip${isDragging ? ' is-dragging' : ''}`}
      data-chip={p.value}
      style={{ transform: translate(transform), transition }}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="st-chip-handle"
        aria-label={p.label}
        {...attributes}
        {...listeners}
      >
        ⠿
      </button>
      {p.label}
      {p.onRemove && (
        <button
          type="button"
          className="st-chip-remove"
          aria-label={`${p.removeLabel} ${p.label}`}
          onClick={p.onRemove}
        >
          ×
        </button>
      )}
    </span>
  );
}

/** A value in the palette: drag it onto a zone, or click to append. `data-palette-value="<value>"`. */
export function PaletteChip(p: {
  id: string;
  value: string;
  label: string;
  onAdd: () => void;
  used?: boolean;
}) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: p.id });
  return (
    <button
      type="button"
      ref={setNodeRef}
      className={`st-chip is-palette${p.used ? ' is-used' : ''}${isDragging ? ' is-dragging' : ''}`}
      data-palette-value={p.value}
      style={{ transform: translate(transform) }}
      onClick={p.onAdd}
      {...attributes}
      {...listeners}
    >
      + {p.label}
    </button>
  );
}

/** A drop zone holding chips (`data-zone="<bucket>"`). */
export function DropZone(p: { id: string; bucket: string; children: ReactNode; empty: string }) {
  const { setNodeRef, isOver } = useDroppable({ id: p.id });
  return (
    <div ref={setNodeRef} className={`st-zone${isOver ? ' is-over' : ''}`} data-zone={p.bucket}>
      {p.children}
      {!p.children || (Array.isArray(p.children) && p.children.length === 0) ? (
        <span className="lt-muted">{p.empty}</span>
      ) : null}
    </div>
  );
}

/** The CSS translate for a dnd-kit transform (no scale: chips keep their size while dragged). */
function translate(t: { x: number; y: number } | null): string | undefined {
  return t ? `translate3d(${Math.round(t.x)}px, ${Math.round(t.y)}px, 0)` : undefined;
}
