import type { EntityDoc } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { canMove, kanbanColumns } from './kanban-columns';

const entity = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'deal',
  label: { zh: '商机', en: 'Deal' },
  titleField: 'name',
  fields: [
    { id: 'f1', name: 'name', type: 'text', label: { zh: '名称', en: 'Name' } },
    {
      id: 'f2',
      name: 'stage',
      type: 'stage',
      label: { zh: '阶段', en: 'Stage' },
      stages: [
        { value: 'lead', label: { zh: '线索', en: 'Lead' } },
        { value: 'won', label: { zh: '赢单', en: 'Won' } },
      ],
      transitions: { lead: ['won'], won: [] },
    },
  ],
} as EntityDoc;

describe('kanbanColumns', () => {
  it('makes one column per stage plus a "not set" column, each with its filter', () => {
    const result = kanbanColumns(entity, 'stage')!;
    expect(result.columns.map((c) => c.value)).toEqual(['lead', 'won', null]);
    expect(result.columns[0]!.filter).toEqual({ '==': [{ var: 'stage' }, 'lead'] });
    expect(result.columns[2]!.filter).toEqual({ is_empty: [{ var: 'stage' }] });
  });

  it('refuses a field that is not a stage or select', () => {
    expect(kanbanColumns(entity, 'name')).toBeNull();
  });
});

describe('canMove', () => {
  it('follows the stage transitions', () => {
    const { field } = kanbanColumns(entity, 'stage')!;
    expect(canMove(field, 'lead', 'won')).toBe(true);
    expect(canMove(field, 'won', 'lead')).toBe(false);
    expect(canMove(field, 'lead', 'lead')).toBe(false);
    expect(canMove(field, null, 'won')).toBe(true);
  });
});
