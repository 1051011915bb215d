import type { EntityDoc, Field, JsonLogic, Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import { useEffect, useState } from 'react';
import { designerText, OPERATOR_TEXT } from '../designer/designer-text';
import type {
  ConditionGroup,
  ConditionNode,
  ConditionOperator,
  ConditionRow,
  ConditionValue,
} from './condition-model';
import { operatorsForFieldType, UNARY_OPERATORS } from './condition-model';
import { conditionToJsonLogic } from './condition-to-json-logic';
import { jsonLogicToCondition } from './json-logic-to-condition';

export interface ConditionBuilderProps {
  entity: EntityDoc;
  /** The JsonLogic condition; undefined = no condition. */
  value: JsonLogic | undefined;
  onChange: (value: JsonLogic | undefined) => void;
  locale?: Locale;
  /** Extra variables offered besides the entity's fields (e.g. `$user.department` for the rule designer). */
  extraFields?: readonly Field[];
  /** Accessible name of the builder (e.g. "显示条件"). */
  label?: string;
}

/**
 * Visual editor for a JsonLogic condition: rows of field / operator / value joined in AND/OR groups,
 * groups nestable. Writes JsonLogic through `conditionToJsonLogic`; an expression the rows cannot show
 * opens as raw JSON instead of being lost.
 *
 * @example
 * <ConditionBuilder entity={entity} value={item.visibleWhen}
 *   onChange={(visibleWhen) => dispatch({ type: 'updateItem', itemId, patch: { visibleWhen } })} />
 */
export function ConditionBuilder(p: ConditionBuilderProps) {
  const locale = p.locale ?? 'zh-CN';
  const parsed = jsonLogicToCondition(p.value);
  const fields = [...p.entity.fields, ...(p.extraFields ?? [])];
  if (!parsed) return <RawLogicEditor value={p.value} onChange={p.onChange} locale={locale} />;
  return (
    <div className="lf-condition" role="group" aria-label={p.label}>
      <GroupEditor
        group={parsed}
        fields={fields}
        locale={locale}
        onChange={(g) => p.onChange(conditionToJsonLogic(g))}
        depth={0}
      />
    </div>
  );
}

function GroupEditor(p: {
  group: ConditionGroup;
  fields: readonly Field[];
  locale: Locale;
  onChange: (g: ConditionGroup) => void;
  onRemove?: () => void;
  depth: number;
}) {
  const { group, locale } = p;
  const setChild = (i: number, node: ConditionNode | null) => {
    const children = [...group.children];
    if (node) children[i] = node;
    else children.splice(i, 1);
    p.onChange({ ...group, children });
  };
  const firstField = p.fields[0];
  const newRow = (): ConditionRow => ({
    kind: 'row',
    field: firstField?.name ?? '',
    operator: firstField ? operatorsForFieldType(firstField.type)[0]! : 'eq',
  });
  return (
    <div className="lf-cond-group" data-depth={p.depth}>
      <div className="lf-cond-join">
        <select
          className="lf-input"
          aria-label={designerText('matchAll', locale)}
          value={group.join}
          onChange={(e) => p.onChange({ ...group, join: e.target.value === 'or' ? 'or' : 'and' })}
        >
          <option value="and">{designerText('matchAll', locale)}</option>
          <option value="or">{designerText('matchAny', locale)}</option>
        </select>
        {p.onRemove && (
          <button type="button" className="lf-link is-danger" onClick={p.onRemove}>
            {designerText('remove', locale)}
          </button>
        )}
      </div>
      {group.children.map((child, i) =>
        child.kind === 'group' ? (
          <GroupEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their position
            key={i}
            group={child}
            fields={p.fields}
            locale={locale}
            depth={p.depth + 1}
            onChange={(g) => setChild(i, g)}
            onRemove={() => setChild(i, null)}
          />
        ) : (
          <RowEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity besides their position
            key={i}
            row={child}
            fields={p.fields}
            locale={locale}
            onChange={(r) => setChild(i, r)}
            onRemove={() => setChild(i, null)}
          />
        ),
      )}
      <div className="lf-cond-actions">
        <button
          type="button"
          className="lf-link"
          data-action="add-condition"
          onClick={() => p.onChange({ ...group, children: [...group.children, newRow()] })}
        >
          + {designerText('addCondition', locale)}
        </button>
        {p.depth < 2 && (
          <button
            type="button"
            className="lf-link"
            onClick={() =>
              p.onChange({
                ...group,
                children: [
                  ...group.children,
                  { kind: 'group', join: group.join === 'and' ? 'or' : 'and', children: [newRow()] },
                ],
              })
            }
          >
            + {designerText('addGroup', locale)}
          </button>
        )}
      </div>
    </div>
  );
}

function RowEditor(p: {
  row: ConditionRow;
  fields: readonly Field[];
  locale: Locale;
  onChange: (r: ConditionRow) => void;
  onRemove: () => void;
}) {
  const { row, locale } = p;
  const field = p.fields.find((f) => f.name === row.field);
  const operators = field ? operatorsForFieldType(field.type) : (['eq', 'ne'] as const);
  return (
    <div className="lf-cond-row" data-condition-row={row.field}>
      <select
        className="lf-input"
        aria-label={designerText('field', locale)}
        data-role="condition-field"
        value={row.field}
        onChange={(e) => {
          const f = p.fields.find((x) => x.name === e.target.value);
          const ops = f ? operatorsForFieldType(f.type) : operators;
          const operator = ops.includes(row.operator) ? row.operator : ops[0]!;
          p.onChange({ kind: 'row', field: e.target.value, operator });
        }}
      >
        {!field && <option value={row.field}>{row.field || designerText('chooseField', locale)}</option>}
        {p.fields.map((f) => (
          <option key={f.name} value={f.name}>
            {pickText(f.label, locale)}
          </option>
        ))}
      </select>
      <select
        className="lf-input"
        aria-label="operator"
        data-role="condition-operator"
        value={row.operator}
        onChange={(e) => {
          const operator = e.target.value as ConditionOperator;
          const next: ConditionRow = { ...row, operator };
          if (UNARY_OPERATORS.includes(operator)) delete next.value;
          p.onChange(next);
        }}
      >
        {operators.map((op) => (
          <option key={op} value={op}>
            {pickText(OPERATOR_TEXT[op], locale)}
          </option>
        ))}
      </select>
      {UNARY_OPERATORS.includes(row.operator) ? (
        <span />
      ) : (
        <ValueEditor
          field={field}
          row={row}
          locale={locale}
          onChange={(value) => p.onChange({ ...row, value })}
        />
      )}
      <button
        type="button"
        className="lf-link is-danger"
        aria-label={designerText('remove', locale)}
        onClick={p.onRemove}
      >
        ×
      </button>
    </div>
  );
}

function ValueEditor(p: {
  field: Field | undefined;
  row: ConditionRow;
  locale: Locale;
  onChange: (v: ConditionValue) => void;
}) {
  const { field, row } = p;
  const multi = row.operator === 'in' || row.operator === 'not_in';
  const options =
    field?.type === 'select' || field?.type === 'multiselect'
      ? field.options
      : field?.type === 'stage'
        ? field.stages
        : null;
  if (options && multi) {
    const current = Array.isArray(row.value) ? row.value : [];
    return (
      <select
        className="lf-input"
        multiple
        aria-label="value"
        data-role="condition-value"
        value={current}
        onChange={(e) => p.onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {pickText(o.label, p.locale)}
          </option>
        ))}
      </select>
    );
  }
  if (options) {
    return (
      <select
        className="lf-input"
        aria-label="value"
        data-role="condition-value"
        value={typeof row.value === 'string' ? row.value : ''}
        onChange={(e) => p.onChange(e.target.value)}
      >
        <option value="" />
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {pickText(o.label, p.locale)}
          </option>
        ))}
      </select>
    );
  }
  const numeric =
    field !== undefined &&
    ['number', 'integer', 'currency', 'percent', 'rating', 'formula', 'rollup'].includes(field.type);
  const text = Array.isArray(row.value)
    ? row.value.join(', ')
    : row.value === null || row.value === undefined
      ? ''
      : String(row.value);
  return (
    <input
      className="lf-input"
      aria-label="value"
      data-role="condition-value"
      type={field?.type === 'date' ? 'date' : 'text'}
      inputMode={numeric ? 'decimal' : undefined}
      value={text}
      onChange={(e) => {
        const t = e.target.value;
        if (multi) p.onChange(t.split(/[,，]\s*/).filter(Boolean));
        else if (numeric && t.trim() !== '' && Number.isFinite(Number(t))) p.onChange(Number(t));
        else p.onChange(t);
      }}
    />
  );
}

/** Fallback for conditions the builder cannot display: edit the JSON, or clear it and use the builder. */
function RawLogicEditor(p: {
  value: JsonLogic | undefined;
  onChange: (v: JsonLogic | undefined) => void;
  locale: Locale;
}) {
  const [text, setText] = useState(() => JSON.stringify(p.value, null, 2));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(JSON.stringify(p.value, null, 2)), [p.value]);
  return (
    <div className="lf-condition is-raw">
      <p className="lf-muted">{designerText('rawJson', p.locale)}</p>
      <textarea
        className="lf-input lf-textarea lf-mono"
        rows={5}
        value={text}
        aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          try {
            p.onChange(JSON.parse(e.target.value) as JsonLogic);
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <div className="lf-error">{designerText('invalidJson', p.locale)}</div>}
      <button type="button" className="lf-link" onClick={() => p.onChange(undefined)}>
        {designerText('backToBuilder', p.locale)}
      </button>
    </div>
  );
}
