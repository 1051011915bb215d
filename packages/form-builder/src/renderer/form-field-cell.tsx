import type { Field, FormItem, Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import { memo, useCallback } from 'react';
import { FieldWidget } from './field-widget';
import type { FormServices } from './form-services';

export interface FormFieldCellProps {
  field: Field;
  item: FormItem;
  value: unknown;
  required: boolean;
  readonly: boolean;
  error: string | undefined;
  locale: Locale;
  columns: number;
  services: FormServices;
  idPrefix: string;
  onFieldChange: (name: string, value: unknown) => void;
  onFieldBlur: (name: string) => void;
}

/**
 * One labelled field in the grid: label (with required mark), widget, help and error text. Memoised so
 * a keystroke re-renders only the cells whose value, state or error changed.
 */
export const FormFieldCell = memo(function FormFieldCell(p: FormFieldCellProps) {
  const { field, item, onFieldChange, onFieldBlur } = p;
  const name = field.name;
  const onChange = useCallback((v: unknown) => onFieldChange(name, v), [name, onFieldChange]);
  const inputId = `${p.idPrefix}-${name}`;
  const span = Math.max(1, Math.min(item.span ?? 1, p.columns));
  const help = pickText(item.help ?? field.help, p.locale);
  return (
    <div
      className={`lf-field${p.error ? ' has-error' : ''}${p.readonly ? ' is-readonly' : ''}`}
      style={span > 1 ? { gridColumn: `span ${span}` } : undefined}
      data-field={name}
      data-type={field.type}
      onBlur={() => onFieldBlur(name)}
    >
      <label className="lf-label" htmlFor={inputId}>
        {pickText(item.label ?? field.label, p.locale)}
        {p.required && !p.readonly && (
          <span className="lf-required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      <FieldWidget
        field={field}
        item={item}
        value={p.value}
        onChange={onChange}
        readonly={p.readonly}
        invalid={p.error !== undefined}
        locale={p.locale}
        inputId={inputId}
        services={p.services}
      />
      <div id={`${inputId}-msg`} className="lf-field-msg">
        {p.error ? (
          <span className="lf-error" role="alert" data-error-for={name}>
            {p.error}
          </span>
        ) : help ? (
          <span className="lf-help">{help}</span>
        ) : null}
      </div>
    </div>
  );
});
