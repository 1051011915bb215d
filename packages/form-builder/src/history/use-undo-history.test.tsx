// @vitest-environment happy-dom
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { reactHostPerTest } from '../test-support/react-host';
import { UndoRedoButtons } from './undo-redo-buttons';
import { type UndoHistory, useUndoHistory } from './use-undo-history';

const dom = reactHostPerTest();

let history: UndoHistory<string[]>;
let replace: (v: string[]) => void;
function Host() {
  const [value, setValue] = useState<string[]>(['a']);
  replace = setValue;
  history = useUndoHistory(value, setValue);
  return (
    <div>
      <output>{value.join(',')}</output>
      <UndoRedoButtons
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        onUndo={history.undo}
        onRedo={history.redo}
        keyboard
      />
    </div>
  );
}

const shown = () => dom.host.querySelector('output')!.textContent;
const button = (a: string) => dom.host.querySelector(`[data-action=${a}]`) as HTMLButtonElement;
const chord = (key: string, shiftKey = false) =>
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, shiftKey }));
  });

describe('useUndoHistory', () => {
  it('undoes and redoes dom.host edits with the buttons and Ctrl+Z / Ctrl+Shift+Z', () => {
    act(() => dom.root.render(<Host />));
    expect(button('undo').disabled).toBe(true);
    act(() => history.edit((v) => [...v, 'b']));
    act(() => history.edit((v) => [...v, 'c']));
    expect(shown()).toBe('a,b,c');
    act(() => button('undo').click());
    expect(shown()).toBe('a,b');
    chord('z');
    expect(shown()).toBe('a');
    expect(button('undo').disabled).toBe(true);
    chord('z', true);
    expect(shown()).toBe('a,b');
    act(() => button('redo').click());
    expect(shown()).toBe('a,b,c');
    expect(button('redo').disabled).toBe(true);
  });

  it('forgets the history when the value is replaced from outside', () => {
    act(() => dom.root.render(<Host />));
    act(() => history.edit((v) => [...v, 'b']));
    expect(button('undo').disabled).toBe(false);
    act(() => replace(['other']));
    expect(button('undo').disabled).toBe(true);
    act(() => history.edit((v) => v));
    expect(button('undo').disabled).toBe(true);
  });
});
