import type { Field, Locale, TagNode } from '@lattice/engine';
import { assertNever, fileRefsOf, pickText } from '@lattice/engine';
import { formText } from '../i18n/form-text';
import { formatNumber } from './widgets/parse-number-input';

/**
 * A field value as display text (read-only cells, formula/rollup display, lists). Option values show
 * their labels (tags their path in the tree); numbers are formatted; structured values are summarised.
 *
 * @example formatDisplayValue(priceField, 1234.5, 'zh-CN') // → '¥1,234.50'
 */
export function formatDisplayValue(field: Field, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  // A formula over empty inputs can yield NaN; show nothing rather than "NaN".
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? formatNumber(value, 'number', field.precision) : String(value);
    case 'integer':
    case 'currency':
    case 'percent':
      return typeof value === 'number' ? formatNumber(value, field.type) : String(value);
    case 'rating':
      return typeof value === 'number' ? '★'.repeat(value) : String(value);
    case 'boolean':
      return formText(value === true ? 'yes' : 'no', locale);
    case 'select':
      return pickText(field.options.find((o) => o.value === value)?.label, locale) || String(value);
    case 'multiselect':
      return asList(value)
        .map((v) => pickText(field.options.find((o) => o.value === v)?.label, locale) || v)
        .join(locale === 'en' ? ', ' : '、');
    case 'stage':
      return pickText(field.stages.find((s) => s.value === value)?.label, locale) || String(value);
    case 'tags':
      return asList(value)
        .map((v) => tagPath(field.tree, v, locale) ?? v)
        .join(locale === 'en' ? ', ' : '、');
    case 'datetime':
      return typeof value === 'string' ? new Date(value).toLocaleString(locale) : String(value);
    case 'geo': {
      const g = value as { lat?: number; lng?: number; address?: string };
      return [g.address, g.lat !== undefined && g.lng !== undefined ? `${g.lat}, ${g.lng}` : '']
        .filter(Boolean)
        .join(' · ');
    }
    case 'file':
    case 'image':
      return fileRefsOf(value)
        .map((f) => f.name)
        .join(', ');
    case 'formula':
      return typeof value === 'number'
        ? formatNumber(value, 'number')
        : typeof value === 'boolean'
          ? formText(value ? 'yes' : 'no', locale)
          : String(value);
    case 'rollup':
      return typeof value === 'number' ? formatNumber(value, 'number') : String(value);
    case 'json':
      return JSON.stringify(value);
    case 'notes':
      return String(asList(value).length);
    case 'reference':
    case 'user':
    case 'department': {
      const o = value as { title?: unknown };
      return typeof o === 'object' && typeof o?.title === 'string' ? o.title : String(value);
    }
    case 'signature':
      return '✍';
    case 'text':
    case 'longtext':
    case 'richtext':
    case 'email':
    case 'phone':
    case 'url':
    case 'date':
    case 'autonumber':
      return String(value);
    default:
      return assertNever(field, 'field type');
  }
}

/** A tag's labels from the root down (`产线 / A线`), or null when the tree has no such tag. */
function tagPath(nodes: readonly TagNode[], value: string, locale: Locale): string | null {
  for (const n of nodes) {
    if (n.value === value) return pickText(n.label, locale);
    const below = tagPath(n.children ?? [], value, locale);
    if (below !== null) return `${pickText(n.label, locale)} / ${below}`;
  }
  return null;
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
