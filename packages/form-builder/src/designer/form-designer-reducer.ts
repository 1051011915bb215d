import type { FormDoc, FormItem, FormSection } from '@lattice/engine';
import { assertNever } from '@lattice/engine';
import { pushUndo, redoStep, undoStep } from '../history/undo-stacks';
import type { DesignerAction, DesignerState } from './designer-state';
import { initDesignerState, nextFormId } from './designer-state';

/**
 * The designer's pure reducer. Editing actions push the previous form on the undo stack and clear redo;
 * an action that changes nothing (unknown id, same position) returns the state unchanged, so it adds
 * no empty undo step. Ids for new tabs/sections/items are derived from the form, so it stays pure.
 *
 * @example
 * let s = initDesignerState(form);
 * s = formDesignerReducer(s, { type: 'moveItem', itemId: 'i1', sectionId: 's2', index: 0 });
 * s = formDesignerReducer(s, { type: 'undo' }); // i1 is back where it was
 */
export function formDesignerReducer(state: DesignerState, action: DesignerAction): DesignerState {
  switch (action.type) {
    case 'load':
      return initDesignerState(action.form);
    case 'select':
      return state.selectedId === action.id ? state : { ...state, selectedId: action.id };
    case 'showTab':
      return { ...state, activeTab: action.tabId };
    case 'undo':
    case 'redo': {
      const step = (action.type === 'undo' ? undoStep : redoStep)(state, state.form);
      return step ? fix({ ...step.stacks, form: step.value }) : state;
    }
    case 'addItem': {
      const id = action.item.id ?? nextFormId(state.form, 'i');
      const item: FormItem = { ...action.item, id };
      const form = mapSection(state.form, action.sectionId, (s) => ({
        ...s,
        items: insertAt(s.items, action.index, item),
      }));
      return commit(state, form, id);
    }
    case 'moveItem':
      return commit(state, moveItem(state.form, action.itemId, action.sectionId, action.index));
    case 'updateItem':
      return commit(
        state,
        mapItem(state.form, action.itemId, (i) => dropUndefined({ ...i, ...action.patch })),
        state.selectedId,
        action.merge,
      );
    case 'removeItem': {
      const form = { ...state.form, sections: state.form.sections.map((s) => withoutItem(s, action.itemId)) };
      return commit(state, form, state.selectedId === action.itemId ? null : state.selectedId);
    }
    case 'addSection': {
      const id = action.section?.id ?? nextFormId(state.form, 's');
      const section: FormSection = {
        title: { zh: '新分组', en: 'New section' },
        columns: 2,
        ...(state.activeTab ? { tab: state.activeTab } : {}),
        ...action.section,
        id,
        items: action.section?.items ?? [],
      };
      const index = action.index ?? state.form.sections.length;
      return commit(state, { ...state.form, sections: insertAt(state.form.sections, index, section) }, id);
    }
    case 'updateSection':
      return commit(
        state,
        mapSection(state.form, action.sectionId, (s) => dropUndefined({ ...s, ...action.patch })),
        state.selectedId,
        action.merge,
      );
    case 'moveSection': {
      const from = state.form.sections.findIndex((s) => s.id === action.sectionId);
      if (from < 0) return state;
      const sections = [...state.form.sections];
      const [moved] = sections.splice(from, 1);
      return commit(state, { ...state.form, sections: insertAt(sections, action.index, moved!) });
    }
    case 'removeSection': {
      const sections = state.form.sections.filter((s) => s.id !== action.sectionId);
      if (sections.length === state.form.sections.length) return state;
      return commit(state, { ...state.form, sections }, null);
    }
    case 'addTab': {
      const id = action.tab?.id ?? nextFormId(state.form, 't');
      const tabs = state.form.tabs ?? [];
      const title = action.tab?.title ?? { zh: `标签页 ${tabs.length + 1}`, en: `Tab ${tabs.length + 1}` };
      const next = commit(state, { ...state.form, tabs: [...tabs, { id, title }] });
      return { ...next, activeTab: id };
    }
    case 'updateTab':
      return commit(
        state,
        {
          ...state.form,
          tabs: (state.form.tabs ?? []).map((t) => (t.id === action.tabId ? { ...t, ...action.patch } : t)),
        },
        state.selectedId,
        action.merge,
      );
    case 'removeTab': {
      const tabs = state.form.tabs ?? [];
      if (!tabs.some((t) => t.id === action.tabId)) return state;
      const rest = tabs.filter((t) => t.id !== action.tabId);
      // The tab's sections are kept (moved to the first remaining tab) so removing a tab loses no fields.
      const fallback = rest[0]?.id;
      const sections = state.form.sections.map((s) => {
        if (s.tab !== action.tabId) return s;
        const { tab: _drop, ...untabbed } = s;
        return fallback ? { ...untabbed, tab: fallback } : untabbed;
      });
      const form: FormDoc = { ...state.form, sections };
      if (rest.length > 0) form.tabs = rest;
      else delete form.tabs;
      return fix(commit(state, form));
    }
    default:
      return assertNever(action, 'designer action');
  }
}

function commit(
  state: DesignerState,
  form: FormDoc,
  selectedId: string | null = state.selectedId,
  merge?: string,
): DesignerState {
  if (form === state.form) return state;
  // Consecutive edits with the same merge key (typing into one input) replace the newest undo step.
  return { ...pushUndo(state, state.form, merge), form, selectedId };
}

/** Keeps selection and active tab pointing at things that still exist after undo/redo/removals. */
function fix(state: DesignerState): DesignerState {
  const tabs = state.form.tabs ?? [];
  const activeTab = tabs.some((t) => t.id === state.activeTab) ? state.activeTab : (tabs[0]?.id ?? null);
  const exists = (id: string) =>
    state.form.sections.some((s) => s.id === id || s.items.some((i) => i.id === id)) ||
    tabs.some((t) => t.id === id);
  const selectedId = state.selectedId !== null && exists(state.selectedId) ? state.selectedId : null;
  return { ...state, activeTab, selectedId };
}

function moveItem(form: FormDoc, itemId: string, sectionId: string, index: number): FormDoc {
  const source = form.sections.find((s) => s.items.some((i) => i.id === itemId));
  const target = form.sections.find((s) => s.id === sectionId);
  if (!source || !target) return form;
  const item = source.items.find((i) => i.id === itemId)!;
  const from = source.items.indexOf(item);
  if (source === target && (from === index || (from === source.items.length - 1 && index >= from)))
    return form;
  const sections = form.sections.map((s) => withoutItem(s, itemId));
  return {
    ...form,
    sections: sections.map((s) => (s.id === sectionId ? { ...s, items: insertAt(s.items, index, item) } : s)),
  };
}

function withoutItem(section: FormSection, itemId: string): FormSection {
  return section.items.some((i) => i.id === itemId)
    ? { ...section, items: section.items.filter((i) => i.id !== itemId) }
    : section;
}

function mapSection(form: FormDoc, id: string, fn: (s: FormSection) => FormSection): FormDoc {
  if (!form.sections.some((s) => s.id === id)) return form;
  return { ...form, sections: form.sections.map((s) => (s.id === id ? fn(s) : s)) };
}

function mapItem(form: FormDoc, id: string, fn: (i: FormItem) => FormItem): FormDoc {
  const owner = form.sections.find((s) => s.items.some((i) => i.id === id));
  if (!owner) return form;
  return mapSection(form, owner.id, (s) => ({ ...s, items: s.items.map((i) => (i.id === id ? fn(i) : i)) }));
}

function insertAt<T>(list: readonly T[], index: number, value: T): T[] {
  const at = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, at), value, ...list.slice(at)];
}

/** Patches use `undefined` to clear an optional property; drop those keys so the JSON stays clean. */
function dropUndefined<T extends object>(value: T): T {
  const out = { ...value };
  for (const key of Object.keys(out) as (keyof T)[]) if (out[key] === undefined) delete out[key];
  return out;
}
