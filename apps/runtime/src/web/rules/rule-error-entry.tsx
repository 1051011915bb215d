import { createTranslator, label, useLocale } from '../lib/i18n';

/** The pseudo-field the rules runtime writes into record history when it stops a rule (e.g. chain depth). */
export const RULE_ERROR_FIELD = '$rule_error';

const et = createTranslator({ stopped: { zh: '规则已停止', en: 'Rule stopped' } });

/** A `$rule_error` history entry: which rule stopped and why, in the user's language. */
export function RuleErrorEntry({ value }: { value: unknown }) {
  useLocale();
  const v = (value ?? {}) as { rule?: string; code?: string; message?: { zh: string; en: string } };
  return (
    <>
      <span className="rt-history-field">{et('stopped')}</span>
      <span className="rt-history-new" style={{ color: 'var(--lt-danger)' }} data-rule-error={v.rule ?? ''}>
        {v.message ? label(v.message) : (v.code ?? '')}
      </span>
    </>
  );
}
