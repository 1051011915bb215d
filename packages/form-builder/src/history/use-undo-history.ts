import { useCallback, useEffect, useRef, useState } from 'react';
import { emptyUndoStacks, pushUndo, redoStep, type UndoStacks, undoStep } from './undo-stacks';

/** What {@link useUndoHistory} gives a designer: edits that can be undone, and the undo/redo commands. */
export interface UndoHistory<T extends object> {
  /** Applies `edit` to the current value through `onChange`, as one undo step (same `merge` key: merged). */
  edit(edit: (value: T) => T, merge?: string): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Undo/redo over a value the host owns (e.g. the studio's app draft), with the same stacks as the form
 * designer ({@link pushUndo}). Edits go through `edit`; a `value` that changes by other means (another
 * document, a reload) clears the history, as the form designer does for a new `form` prop.
 *
 * @example
 * const history = useUndoHistory(draft, (next) => update(() => next));
 * history.edit((d) => addField(d, 'customer', field));
 * <UndoRedoButtons history={history} locale={locale} />
 */
export function useUndoHistory<T extends object>(
  value: T | null,
  onChange: (next: T) => void,
): UndoHistory<T> {
  const [stacks, setStacks] = useState<UndoStacks<T>>(emptyUndoStacks);
  const current = useRef(value);
  const stacksRef = useRef(stacks);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const setBoth = useCallback((next: T, nextStacks: UndoStacks<T>) => {
    current.current = next;
    stacksRef.current = nextStacks;
    setStacks(nextStacks);
    onChangeRef.current(next);
  }, []);

  useEffect(() => {
    if (value === current.current) return;
    current.current = value;
    stacksRef.current = emptyUndoStacks();
    setStacks(stacksRef.current);
  }, [value]);

  const edit = useCallback(
    (fn: (value: T) => T, merge?: string) => {
      const before = current.current;
      if (before === null) return;
      const next = fn(before);
      if (next === before) return;
      setBoth(next, pushUndo(stacksRef.current, before, merge));
    },
    [setBoth],
  );
  const undo = useCallback(() => {
    const before = current.current;
    const step = before === null ? null : undoStep(stacksRef.current, before);
    if (step) setBoth(step.value, step.stacks);
  }, [setBoth]);
  const redo = useCallback(() => {
    const before = current.current;
    const step = before === null ? null : redoStep(stacksRef.current, before);
    if (step) setBoth(step.value, step.stacks);
  }, [setBoth]);

  return { edit, undo, redo, canUndo: stacks.past.length > 0, canRedo: stacks.future.length > 0 };
}
