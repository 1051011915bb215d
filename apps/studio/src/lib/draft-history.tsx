import type { AppDefinition } from '@lattice/engine';
import { type UndoHistory, UndoRedoButtons, useUndoHistory } from '@lattice/form-builder';
import { useCallback } from 'react';
import { useAppDraft } from './app-draft';
import { useLocale } from './i18n';

/**
 * Undo/redo for a designer page over the whole app draft (the form designer's stacks, via
 * `useUndoHistory`): edits made through `edit` are undoable, including what they carry into other
 * documents (a removed field leaves forms and views too). Reloading the draft clears the history.
 */
export function useDraftHistory(): UndoHistory<AppDefinition> {
  const { draft, update } = useAppDraft();
  const apply = useCallback((next: AppDefinition) => update(() => next), [update]);
  return useUndoHistory(draft, apply);
}

/**
 * The merge key of an edit from `before` to `after` of one object (a field, a view): consecutive edits
 * typing into the same property (text, numbers, zh/en labels) form one undo step. Edits of anything
 * else (a flag, a column list, options) get no key, so each is its own step.
 */
export function editMergeKey(scope: string, before: object | undefined, after: object): string | undefined {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
  if (keys.length === 0 || !keys.every((k) => isTyped(b[k]))) return undefined;
  return `${scope}:${keys.join(',')}`;
}

/** A value the user types: text, a number, or zh/en text. */
function isTyped(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** The page's undo/redo buttons, with Ctrl+Z / Ctrl+Shift+Z while the page is open. */
export function DraftUndoButtons(p: { history: UndoHistory<AppDefinition> }) {
  const locale = useLocale();
  const { history } = p;
  return (
    <div className="st-row st-undo" data-testid="draft-undo">
      <UndoRedoButtons
        canUndo={history.canUndo}
        canRedo={history.canRedo}
        onUndo={history.undo}
        onRedo={history.redo}
        locale={locale}
        keyboard
        className="lt-btn"
      />
    </div>
  );
}
