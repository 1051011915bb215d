import type { EntityDoc, Field, TagNode } from '@lattice/engine';
import { useState } from 'react';
import { departmentName, useDepartments } from '../lib/department-directory';
import { label } from '../lib/i18n';
import { t } from '../lib/ui-text';
import { type FilterCondition, type FilterOp, filterableFields, operatorsFor } from './filter-model';

const OP_TEXT: Record<FilterOp, () => string> = {
  eq: () => t('opEq'),
  ne: () => t('opNe'),
  contains: () => t('opContains'),
  gt: () => t('opGt'),
  lt: () => t('opLt'),
  gte: () => t('opGte'),
  lte: () => t('opLte'),
  empty: () => t('opEmpty'),
  notEmpty: () => t('opNotEmpty'),
};

/** Tags of a tag tree, each labelled with its path (`产线 / A线`). */
function tagChoices(nodes: readonly TagNode[], parent = ''): { value: string; label: string }[] {
  return nodes.flatMap((n) => {
    const path = parent ? `${parent} / ${label(n.label)}` : label(n.label);
    return [{ value: n.value, label: path }, ...tagChoices(n.children ?? [], path)];
  });
}

function ValueInput(p: { field: Field; value: string; onChange: (v: string) => void }) {
  const { field } = p;
  const departments = useDepartments();
  const choices =
    field.type === 'select' || field.type === 'multiselect'
      ? field.options.map((o) => ({ value: o.value, label: label(o.label) }))
      : field.type === 'stage'
        ? field.stages.map((s) => ({ value: s.value, label: label(s.label) }))
        : field.type === 'boolean'
          ? [
              { value: 'true', label: t('yes') },
              { value: 'false', label: t('no') },
            ]
          : field.type === 'tags'
            ? tagChoices(field.tree)
            : field.type === 'department'
              ? departments
                  .map((d) => ({ value: d.code, label: departmentName(d.code) }))
                  .sort((a, b) => a.label.localeCompare(b.label))
              : null;
  if (choices) {
    return (
      <select
        className="lt-input"
        data-role="filter-value"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
      >
        <option value="" />
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  }
  const type =
    field.type === 'date'
      ? 'date'
      : ['number', 'integer', 'currency', 'percent', 'rating', 'rollup'].includes(field.type)
        ? 'number'
        : 'text';
  return (
    <input
      className="lt-input"
      data-role="filter-value"
      type={type}
      placeholder={t('value')}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
    />
  );
}

/** The filter popover: rows of field / operator / value, applied together (all must hold). */
export function FilterBuilder(p: {
  entity: EntityDoc;
  value: FilterCondition[];
  onApply: (conditions: FilterCondition[]) => void;
  onClose: () => void;
}) {
  const fields = filterableFields(p.entity);
  const [rows, setRows] = useState<FilterCondition[]>(() =>
    p.value.length > 0
      ? p.value
      : [{ field: fields[0]?.name ?? '', op: operatorsFor(fields[0]!)[0]!, value: '' }],
  );
  const update = (i: number, patch: Partial<FilterCondition>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="rt-popover lt-card rt-filter-builder" data-testid="filter-builder">
      {rows.map((row, i) => {
        const field = fields.find((f) => f.name === row.field) ?? fields[0]!;
        const ops = operatorsFor(field);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
          <div className="rt-filter-row" key={i}>
            <select
              className="lt-input"
              data-role="filter-field"
              value={row.field}
              onChange={(e) => {
                const next = fields.find((f) => f.name === e.target.value)!;
                update(i, { field: next.name, op: operatorsFor(next)[0]!, value: '' });
              }}
            >
              {fields.map((f) => (
                <option key={f.name} value={f.name}>
                  {label(f.label)}
                </option>
              ))}
            </select>
            <select
              className="lt-input"
              data-role="filter-op"
              value={row.op}
              onChange={(e) => update(i, { op: e.target.value as FilterOp })}
            >
              {ops.map((op) => (
                <option key={op} value={op}>
                  {OP_TEXT[op]()}
                </option>
              ))}
            </select>
            {row.op !== 'empty' && row.op !== 'notEmpty' ? (
              <ValueInput field={field} value={row.value} onChange={(v) => update(i, { value: v })} />
            ) : (
              <span />
            )}
            <button
              type="button"
              className="lt-btn rt-icon-btn"
              aria-label={t('delete')}
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        );
      })}
      <div className="rt-row rt-between">
        <button
          type="button"
          className="lt-btn"
          data-action="add-condition"
          onClick={() =>
            setRows((rs) => [...rs, { field: fields[0]!.name, op: operatorsFor(fields[0]!)[0]!, value: '' }])
          }
        >
          + {t('addCondition')}
        </button>
        <div className="rt-row">
          <button
            type="button"
            className="lt-btn"
            onClick={() => {
              p.onApply([]);
              p.onClose();
            }}
          >
            {t('clearFilters')}
          </button>
          <button
            type="button"
            className="lt-btn lt-btn-primary"
            data-action="apply-filter"
            onClick={() => {
              p.onApply(rows);
              p.onClose();
            }}
          >
            {t('apply')}
          </button>
        </div>
      </div>
    </div>
  );
}
