import { describe, expect, it } from 'vitest';
import { emptyUndoStacks, pushUndo, redoStep, UNDO_LIMIT, undoRedoKey, undoStep } from './undo-stacks';

describe('undo stacks', () => {
  it('walks back and forth through edits and clears redo on a new edit', () => {
    let stacks = pushUndo(pushUndo(emptyUndoStacks<string>(), 'a'), 'b');
    const back = undoStep(stacks, 'c')!;
    expect(back.value).toBe('b');
    const forward = redoStep(back.stacks, 'b')!;
    expect(forward.value).toBe('c');
    stacks = pushUndo(back.stacks, 'b');
    expect(stacks.future).toEqual([]);
    expect(redoStep(stacks, 'x')).toBeNull();
  });

  it('merges consecutive edits with one merge key into one step, and keeps at most UNDO_LIMIT', () => {
    let stacks = pushUndo(emptyUndoStacks<number>(), 0, 'label');
    stacks = pushUndo(stacks, 1, 'label');
    expect(stacks.past).toEqual([0]);
    for (let i = 0; i < UNDO_LIMIT + 5; i++) stacks = pushUndo(stacks, i);
    expect(stacks.past).toHaveLength(UNDO_LIMIT);
    expect(undoStep(emptyUndoStacks<number>(), 1)).toBeNull();
  });

  it('reads Ctrl+Z as undo, Ctrl+Shift+Z and Ctrl+Y as redo, and ignores text inputs', () => {
    const key = (k: string, shiftKey = false, tagName = 'DIV') => ({
      key: k,
      ctrlKey: true,
      metaKey: false,
      shiftKey,
      target: { tagName } as unknown as EventTarget,
    });
    expect(undoRedoKey(key('z'))).toBe('undo');
    expect(undoRedoKey(key('Z', true))).toBe('redo');
    expect(undoRedoKey(key('y'))).toBe('redo');
    expect(undoRedoKey(key('z', false, 'INPUT'))).toBeNull();
    expect(undoRedoKey({ ...key('z'), ctrlKey: false })).toBeNull();
  });
});
