import type { EntityDoc, FieldValidation, Locale } from '@lattice/engine';
import { ConditionBuilder } from '../conditions/condition-builder';
import { designerText } from './designer-text';

/** Edits a field's JsonLogic validations: a condition that must hold plus the zh/en message. */
export function ValidationsEditor(p: {
  entity: EntityDoc;
  validations: readonly FieldValidation[];
  onChange: (v: FieldValidation[]) => void;
  locale: Locale;
  fieldName: string;
}) {
  const set = (i: number, patch: Partial<FieldValidation>) =>
    p.onChange(p.validations.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  return (
    <fieldset data-prop="validations">
      <legend>{designerText('validations', p.locale)}</legend>
      {p.validations.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: validations have no identity besides their position
        <div key={i} className="lf-props">
          <ConditionBuilder
            entity={p.entity}
            value={v.rule}
            locale={p.locale}
            onChange={(rule) => set(i, { rule: rule ?? true })}
          />
          <div className="lf-row">
            <input
              className="lf-input"
              aria-label={designerText('messageZh', p.locale)}
              placeholder={designerText('messageZh', p.locale)}
              value={v.message.zh}
              onChange={(e) => set(i, { message: { ...v.message, zh: e.target.value } })}
            />
            <input
              className="lf-input"
              aria-label={designerText('messageEn', p.locale)}
              placeholder={designerText('messageEn', p.locale)}
              value={v.message.en}
              onChange={(e) => set(i, { message: { ...v.message, en: e.target.value } })}
            />
          </div>
          <button
            type="button"
            className="lf-link is-danger"
            onClick={() => p.onChange(p.validations.filter((_, j) => j !== i))}
          >
            {designerText('remove', p.locale)}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="lf-link"
        onClick={() =>
          p.onChange([
            ...p.validations,
            {
              rule: { '!!': { var: p.fieldName } },
              message: { zh: '输入不符合规则', en: 'The value breaks a rule' },
            },
          ])
        }
      >
        + {designerText('addValidation', p.locale)}
      </button>
    </fieldset>
  );
}
