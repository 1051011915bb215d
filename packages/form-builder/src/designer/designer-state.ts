import type { FormDoc, FormItem, FormSection, FormTab } from '@lattice/engine';
import { emptyUndoStacks, type UndoStacks } from '../history/undo-stacks';

export { UNDO_LIMIT } from '../history/undo-stacks';

/**
 * The designer's state: the form being edited, the selection, and undo/redo stacks of earlier forms
 * (the shared {@link UndoStacks}, also behind the studio's entity and view designers).
 */
export interface DesignerState extends UndoStacks<FormDoc> {
  form: FormDoc;
  /** Selected item or section id (the property panel edits it). */
  selectedId: string | null;
  /** Tab shown on the canvas (null = sections without a tab only, or no tabs). */
  activeTab: string | null;
}

/**
 * Everything the designer can do; every action except select/showTab/undo/redo is undoable. Updates may
 * carry a `merge` key (e.g. `label:i3`) so that typing a label is one undo step, not one per keystroke.
 */
export type DesignerAction =
  | { type: 'load'; form: FormDoc }
  | { type: 'select'; id: string | null }
  | { type: 'showTab'; tabId: string | null }
  | { type: 'addItem'; sectionId: string; index: number; item: Omit<FormItem, 'id'> & { id?: string } }
  | { type: 'moveItem'; itemId: string; sectionId: string; index: number }
  | { type: 'updateItem'; itemId: string; patch: Partial<Omit<FormItem, 'id'>>; merge?: string }
  | { type: 'removeItem'; itemId: string }
  | { type: 'addSection'; section?: Partial<FormSection>; index?: number }
  | {
      type: 'updateSection';
      sectionId: string;
      patch: Partial<Omit<FormSection, 'id' | 'items'>>;
      merge?: string;
    }
  | { type: 'moveSection'; sectionId: string; index: number }
  | { type: 'removeSection'; sectionId: string }
  | { type: 'addTab'; tab?: Partial<FormTab> }
  | { type: 'updateTab'; tabId: string; patch: Partial<Omit<FormTab, 'id'>>; merge?: string }
  | { type: 'removeTab'; tabId: string }
  | { type: 'undo' }
  | { type: 'redo' };

/** A fresh designer state for a form (nothing selected, empty history, first tab shown). */
export function initDesignerState(form: FormDoc): DesignerState {
  return {
    form,
    selectedId: null,
    activeTab: form.tabs?.[0]?.id ?? null,
    ...emptyUndoStacks<FormDoc>(),
  };
}

/** A short id not yet used by any tab, section or item of the form: `<prefix><n>`. */
export function nextFormId(form: FormDoc, prefix: string): string {
  const used = new Set<string>();
  for (const t of form.tabs ?? []) used.add(t.id);
  for (const s of form.sections) {
    used.add(s.id);
    for (const i of s.items) used.add(i.id);
  }
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
