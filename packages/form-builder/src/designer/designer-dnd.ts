import type { CollisionDetection, KeyboardCoordinateGetter } from '@dnd-kit/core';
import {
  closestCenter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { FieldType, FormDoc } from '@lattice/engine';

/** What is being dragged: a new field type or an existing entity field from the palette, or a canvas item. */
export type DesignerDragData =
  | { kind: 'palette-type'; fieldType: FieldType }
  | { kind: 'palette-field'; fieldName: string }
  | { kind: 'item'; itemId: string; sectionId: string };

/** Where it can land: onto an item (before it), into a section (at its end), or onto a tab. */
export type DesignerDropData =
  | { kind: 'item'; itemId: string; sectionId: string }
  | { kind: 'section'; sectionId: string }
  | { kind: 'tab'; tabId: string };

/** A resolved drop position. */
export interface DropTarget {
  sectionId: string;
  index: number;
}

/** Droppable id of a section container, so it does not clash with item ids. */
export const sectionDropId = (sectionId: string) => `section:${sectionId}`;
/** Droppable id of a tab button. */
export const tabDropId = (tabId: string) => `tab:${tabId}`;

/**
 * Where a drop lands: onto an item → that item's position (sortable semantics: the dragged item takes
 * its place); into a section → its end; onto a tab → the end of the tab's last section. Null when the
 * drop has no valid target (e.g. a tab without sections).
 */
export function resolveDesignerDrop(
  form: FormDoc,
  over: DesignerDropData | null | undefined,
): DropTarget | null {
  if (!over) return null;
  if (over.kind === 'item') {
    const section = form.sections.find((s) => s.id === over.sectionId);
    const index = section?.items.findIndex((i) => i.id === over.itemId) ?? -1;
    return section && index >= 0 ? { sectionId: section.id, index } : null;
  }
  if (over.kind === 'section') {
    const section = form.sections.find((s) => s.id === over.sectionId);
    return section ? { sectionId: section.id, index: section.items.length } : null;
  }
  const last = form.sections.filter((s) => s.tab === over.tabId).at(-1);
  return last ? { sectionId: last.id, index: last.items.length } : null;
}

/**
 * Pointer and keyboard sensors for designer drag and drop: a small pointer distance before a drag
 * starts (so clicks still select), and Space/Enter + arrow keys via sortableKeyboardCoordinates.
 */
export function useDesignerSensors() {
  return useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: designerKeyboardCoordinates }),
  );
}

/** True for sortable items (canvas items, field rows); false for containers and tabs. */
function isSortableItem(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'sortable' in data;
}

/** Prefer what the pointer is over (tabs, empty sections); fall back to the closest centre (keyboard). */
export const designerCollisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  if (within.length > 0) {
    // An item under the pointer beats the container that holds it.
    const item = within.find((c) => {
      const container = args.droppableContainers.find((d) => d.id === c.id);
      return isSortableItem(container?.data.current);
    });
    return item ? [item] : within;
  }
  return closestCenter(args);
};

/**
 * Arrow keys move between sortable items (and into empty sections), like sortableKeyboardCoordinates,
 * but skip tab buttons and the containers of non-empty sections: as keyboard targets those would
 * swallow the step (the tab bar is "to the right" of every item in the first column).
 */
export const designerKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const { droppableRects, droppableContainers } = args.context;
  const filled = new Set<string>();
  const keep = new Set<string>();
  for (const c of droppableContainers.values()) {
    const data = c.data.current as { kind?: string; sectionId?: string } | undefined;
    if (isSortableItem(data)) keep.add(String(c.id));
    if (data?.kind === 'item' && data.sectionId) filled.add(data.sectionId);
  }
  for (const c of droppableContainers.values()) {
    const data = c.data.current as { kind?: string; sectionId?: string } | undefined;
    if (data?.kind === 'section' && data.sectionId && !filled.has(data.sectionId)) keep.add(String(c.id));
  }
  const rects = new Map([...droppableRects].filter(([id]) => keep.has(String(id))));
  return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableRects: rects } });
};
