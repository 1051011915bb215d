import type {
  Announcements,
  CollisionDetection,
  DroppableContainer,
  KeyboardCoordinateGetter,
  KeyboardSensorOptions,
  PointerSensorOptions,
} from '@dnd-kit/core';
import {
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useMemo, useRef } from 'react';
import { ft } from './flow-text';

/** Drag id of a placed step (`step:<node id>`); palette items are `pal:<kind>`. */
export const stepDragId = (id: string) => `step:${id}`;

/** The step being dragged (from a `step:` id), or null for a palette item. */
export function draggedStepId(activeId: string | number): string | null {
  const id = String(activeId);
  return id.startsWith('step:') ? id.slice(5) : null;
}

/** The block (card plus branches) of the dragged step, whose own slots are no place to drop it. */
function ownBlock(activeId: string | number): Element | null {
  const id = draggedStepId(activeId);
  return id ? document.querySelector(`[data-step-block="${CSS.escape(id)}"]`) : null;
}

/** The slots a drag may land on, in reading order (document order walks branches left to right, top down). */
function slotTargets(containers: Iterable<DroppableContainer>, activeId: string | number) {
  const block = ownBlock(activeId);
  return [...containers]
    .filter((c) => String(c.id).startsWith('slot:') && c.node.current && !block?.contains(c.node.current))
    .sort((a, b) =>
      a.node.current!.compareDocumentPosition(b.node.current!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
}

const POINTER: PointerSensorOptions = { activationConstraint: { distance: 4 } };

/**
 * Drag and drop for the flow canvas, pointer and keyboard. Pointer: a 4 px distance first (clicks still select),
 * then the slot under the pointer. Keyboard (Space/Enter on a step's handle or a palette item): the arrow keys walk
 * the drop slots in reading order — down/right to the next, up/left to the previous — so a keyboard drag reaches
 * every branch of a condition or parallel split and leaves it again; the slots inside the dragged step are
 * skipped; Space drops on the slot reached, Escape cancels. `onDragStart` must be wired to the DndContext.
 */
export function useFlowDnd() {
  /** The slot the arrow keys have reached in the current keyboard drag. */
  const cursor = useRef<string | null>(null);
  const keyboard = useMemo<KeyboardSensorOptions>(() => {
    const coordinateGetter: KeyboardCoordinateGetter = (event, { active, context }) => {
      const forward = event.code === KeyboardCode.Down || event.code === KeyboardCode.Right;
      const backward = event.code === KeyboardCode.Up || event.code === KeyboardCode.Left;
      if (!forward && !backward) return undefined;
      event.preventDefault();
      const slots = slotTargets(context.droppableContainers.getEnabled(), active);
      const at = slots.findIndex((s) => s.id === cursor.current);
      let next: DroppableContainer | undefined;
      if (at >= 0) next = slots[forward ? at + 1 : at - 1];
      else {
        const here = context.activeNode;
        const after = slots.findIndex(
          (s) => here && here.compareDocumentPosition(s.node.current!) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        const firstAfter = after < 0 ? slots.length : after;
        next = forward ? slots[firstAfter] : slots[firstAfter - 1];
      }
      const rect = next && context.droppableRects.get(next.id);
      if (!next || !rect) return undefined;
      cursor.current = String(next.id);
      return { x: rect.left, y: rect.top };
    };
    return { coordinateGetter };
  }, []);
  const collision = useMemo<CollisionDetection>(
    () => (args) => {
      const targets = slotTargets(args.droppableContainers, args.active.id);
      if (!args.pointerCoordinates) {
        const hit = targets.find((c) => c.id === cursor.current);
        return hit ? [{ id: hit.id, data: { droppableContainer: hit, value: 0 } }] : [];
      }
      const within = pointerWithin({ ...args, droppableContainers: targets });
      return within.length > 0 ? within : rectIntersection({ ...args, droppableContainers: targets });
    },
    [],
  );
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, keyboard));
  return {
    sensors,
    collision,
    onDragStart: () => {
      cursor.current = null;
    },
  };
}

/** Screen-reader announcements in the UI language. */
export function flowAnnouncements(): Announcements {
  return {
    onDragStart: () => ft('dndPicked'),
    onDragOver: ({ over }) => (over ? ft('dndOver') : ft('dndNowhere')),
    onDragEnd: ({ over }) => (over ? ft('dndDropped') : ft('dndNowhere')),
    onDragCancel: () => ft('dndCancelled'),
  };
}
