import type { EntityDoc, Field, JsonLogic } from '@lattice/engine';
import { stageColor } from '../components/stage-palette';

/** One kanban column: a stage/option value (null = "not set"). */
export interface KanbanColumn {
  value: string | null;
  label: { zh: string; en: string } | null;
  color?: string;
  filter: JsonLogic;
}

/** The columns of a kanban over `stageField` (a stage or select field): one per value, then "not set". */
export function kanbanColumns(
  entity: EntityDoc,
  stageField: string,
): { field: Field; columns: KanbanColumn[] } | null {
  const field = entity.fields.find((f) => f.name === stageField);
  if (!field || (field.type !== 'stage' && field.type !== 'select')) return null;
  const values = field.type === 'stage' ? field.stages : field.options;
  const v = { var: field.name };
  return {
    field,
    columns: [
      ...values.map((s, i) => ({
        value: s.value,
        label: s.label,
        ...(s.color || field.type === 'stage' ? { color: stageColor(s.color, i) } : {}),
        filter: { '==': [v, s.value] } as JsonLogic,
      })),
      { value: null, label: null, filter: { is_empty: [v] } as JsonLogic },
    ],
  };
}

/** Whether a card may move from one column to another (stage transitions; select fields allow all). */
export function canMove(field: Field, from: string | null, to: string | null): boolean {
  if (from === to) return false;
  if (to === null) return false;
  if (field.type !== 'stage' || !field.transitions || from === null) return true;
  return (field.transitions[from] ?? []).includes(to);
}
