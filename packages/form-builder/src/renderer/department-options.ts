import type { I18nText, Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import type { LookupOption } from './form-services';

/** A department as directories list them: a tree by `parent`. */
export interface OrgUnit {
  code: string;
  name: I18nText;
  parent: string | null;
}

/**
 * A department's names from the root down (`['销售部', '华东组']`). A loop in the parents stops the
 * walk; an unknown code gives `[]`.
 */
export function departmentPath(code: string, units: ReadonlyMap<string, OrgUnit>, locale: Locale): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let at = units.get(code);
  while (at && !seen.has(at.code)) {
    seen.add(at.code);
    names.unshift(pickText(at.name, locale));
    at = at.parent ? units.get(at.parent) : undefined;
  }
  return names;
}

/**
 * Picker options for a department tree (`departments` of the renderer), titled by their path and
 * sorted by it, so 销售部 / 华东组 sits under 销售部.
 *
 * @example <FormRenderer … departments={departmentOptions(units, 'zh-CN')} />
 */
export function departmentOptions(units: readonly OrgUnit[], locale: Locale): LookupOption[] {
  const byCode = new Map(units.map((u) => [u.code, u] as const));
  return units
    .map((u) => ({ id: u.code, title: departmentPath(u.code, byCode, locale).join(' / '), subtitle: u.code }))
    .sort((a, b) => a.title.localeCompare(b.title));
}
