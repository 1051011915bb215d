/** How many edits undo can go back. */
export const UNDO_LIMIT = 100;

/**
 * Undo/redo stacks of earlier and later snapshots of one immutable value (a form, an app draft). The
 * present value is kept by the owner; these functions only move snapshots between the stacks.
 */
export interface UndoStacks<T> {
  past: T[];
  future: T[];
  /** `merge` key of the last edit: consecutive edits with the same key (typing) form one undo step. */
  lastMerge: string | null;
}

/** Stacks with nothing to undo or redo. */
export function emptyUndoStacks<T>(): UndoStacks<T> {
  return { past: [], future: [], lastMerge: null };
}

/**
 * Records an edit whose value before was `previous`: pushes it (at most {@link UNDO_LIMIT} kept) and
 * clears redo. An edit with the same `merge` key as the last one replaces nothing on the stack, so
 * typing into one input is one undo step.
 *
 * @example
 * stacks = pushUndo(stacks, form);            // before applying an edit to `form`
 * stacks = pushUndo(stacks, form2, 'label:i3'); // typing: one step per input, not per key
 */
export function pushUndo<T, S extends UndoStacks<T>>(stacks: S, previous: T, merge?: string): S {
  if (merge !== undefined && merge === stacks.lastMerge && stacks.past.length > 0)
    return { ...stacks, future: [] };
  const past = [...stacks.past, previous].slice(-UNDO_LIMIT);
  return { ...stacks, past, future: [], lastMerge: merge ?? null };
}

/** One step back from `current`: the value to show and the new stacks, or null with nothing to undo. */
export function undoStep<T, S extends UndoStacks<T>>(stacks: S, current: T): { value: T; stacks: S } | null {
  const value = stacks.past.at(-1);
  if (value === undefined) return null;
  return {
    value,
    stacks: {
      ...stacks,
      past: stacks.past.slice(0, -1),
      future: [current, ...stacks.future],
      lastMerge: null,
    },
  };
}

/** One step forward from `current`, or null with nothing to redo. */
export function redoStep<T, S extends UndoStacks<T>>(stacks: S, current: T): { value: T; stacks: S } | null {
  const [value, ...rest] = stacks.future;
  if (value === undefined) return null;
  return { value, stacks: { ...stacks, past: [...stacks.past, current], future: rest, lastMerge: null } };
}

/**
 * The undo/redo chord of a key event: Ctrl/⌘+Z → undo, Ctrl/⌘+Shift+Z or Ctrl/⌘+Y → redo. Null for
 * other keys and inside text inputs (they keep their own text undo).
 */
export function undoRedoKey(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  target: EventTarget | null;
}): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || isTextTarget(e.target)) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  return key === 'y' ? 'redo' : null;
}

function isTextTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
