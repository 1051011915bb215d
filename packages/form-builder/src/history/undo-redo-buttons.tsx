import type { Locale } from '@lattice/engine';
import { useEffect } from 'react';
import { designerText } from '../designer/designer-text';
import { undoRedoKey } from './undo-stacks';

/**
 * The designers' undo/redo buttons (`[data-action=undo|redo]`). With `keyboard`, Ctrl/⌘+Z and
 * Ctrl/⌘+Shift+Z (or Ctrl/⌘+Y) anywhere on the page do the same, except inside text inputs.
 */
export function UndoRedoButtons(p: {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  locale?: Locale;
  keyboard?: boolean;
  /** Button class (default the designer's `lf-button`; the studio passes its own). */
  className?: string;
}) {
  const locale = p.locale ?? 'zh-CN';
  const { onUndo, onRedo, keyboard } = p;
  useEffect(() => {
    if (!keyboard) return;
    const onKey = (e: KeyboardEvent) => {
      const action = undoRedoKey(e);
      if (!action) return;
      e.preventDefault();
      if (action === 'undo') onUndo();
      else onRedo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyboard, onUndo, onRedo]);
  return (
    <>
      <button
        type="button"
        className={p.className ?? 'lf-button'}
        data-action="undo"
        title={`${designerText('undo', locale)} (Ctrl+Z)`}
        disabled={!p.canUndo}
        onClick={onUndo}
      >
        ↶ {designerText('undo', locale)}
      </button>
      <button
        type="button"
        className={p.className ?? 'lf-button'}
        data-action="redo"
        title={`${designerText('redo', locale)} (Ctrl+Shift+Z)`}
        disabled={!p.canRedo}
        onClick={onRedo}
      >
        ↷ {designerText('redo', locale)}
      </button>
    </>
  );
}
