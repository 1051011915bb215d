import type { EntityDoc, Field } from '@lattice/engine';
import { fileRefsOf } from '@lattice/engine';
import { formatDisplayValue } from '@lattice/form-builder';
import { FileLinks } from '../files/file-links';
import { departmentName } from '../lib/department-directory';
import { getLocale, label } from '../lib/i18n';
import { cachedTitle } from '../lib/record-titles';
import { linkClick } from '../lib/router';
import { t } from '../lib/ui-text';
import { userName } from '../lib/user-directory';
import { stageColor } from './stage-palette';

const SYSTEM_LABELS: Record<string, () => string> = {
  created_at: () => t('createdAt'),
  updated_at: () => t('updatedAt'),
  owner: () => t('owner'),
};

/** The column/field label of a name: the field's label, or a system column's. */
export function fieldLabel(entity: EntityDoc, name: string): string {
  const field = entity.fields.find((f) => f.name === name);
  if (field) return label(field.label);
  return SYSTEM_LABELS[name]?.() ?? name;
}

function formatSystem(name: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (name === 'created_at' || name === 'updated_at')
    return new Date(String(value)).toLocaleString(getLocale());
  if (name === 'owner' || name === 'created_by' || name === 'updated_by') return userName(String(value));
  return String(value);
}

function colorOf(field: Field, value: unknown): string | undefined {
  if (field.type === 'select') return field.options.find((o) => o.value === value)?.color;
  if (field.type === 'stage') {
    const i = field.stages.findIndex((s) => s.value === value);
    return i < 0 ? undefined : stageColor(field.stages[i]!.color, i);
  }
  return undefined;
}

/**
 * A read-only value: references link to their record (titles resolved via `useRecordTitles`), users show
 * names, departments their path (`销售部 / 华东组`; callers re-render with `useDepartments`), select/stage values show as coloured chips, everything else as formatted text.
 */
export function FieldValue(p: {
  app: string;
  entity: EntityDoc;
  name: string;
  value: unknown;
  link?: boolean;
}) {
  const field = p.entity.fields.find((f) => f.name === p.name);
  if (!field) return <>{formatSystem(p.name, p.value)}</>;
  if (p.value === null || p.value === undefined || p.value === '') return <span className="rt-empty">—</span>;
  if (field.type === 'reference' && typeof p.value === 'string') {
    const title = cachedTitle(field.target, p.value) ?? '…';
    const href = `/apps/${p.app}/e/${field.target}/r/${p.value}`;
    return p.link === false ? (
      <>{title}</>
    ) : (
      <a
        href={href}
        onClick={(e) => {
          e.stopPropagation();
          linkClick(href)(e);
        }}
      >
        {title}
      </a>
    );
  }
  if (field.type === 'user') return <>{userName(String(p.value))}</>;
  if (field.type === 'department') return <>{departmentName(String(p.value))}</>;
  if (field.type === 'signature' && typeof p.value === 'string' && p.value.startsWith('data:image/'))
    return <img className="rt-signature" src={p.value} alt={label(field.label)} />;
  if (field.type === 'notes' && Array.isArray(p.value)) return <NotesList notes={p.value} />;
  if (field.type === 'select' || field.type === 'stage') {
    const color = colorOf(field, p.value);
    return (
      <span className="rt-chip" style={color ? { background: `${color}1f`, color } : undefined}>
        {formatDisplayValue(field, p.value, getLocale())}
      </span>
    );
  }
  if (field.type === 'boolean') return <>{p.value ? t('yes') : t('no')}</>;
  if (field.type === 'file' || field.type === 'image') {
    return (
      <FileLinks
        app={p.app}
        refs={fileRefsOf(p.value)}
        image={field.type === 'image'}
        compact={p.link === false}
      />
    );
  }
  return <>{formatDisplayValue(field, p.value, getLocale())}</>;
}

/** Private notes (the server returns only the caller's own): text and time, newest last. */
function NotesList(p: { notes: unknown[] }) {
  const notes = p.notes.filter(
    (n): n is { text: string; at?: string } =>
      typeof n === 'object' && n !== null && typeof (n as { text?: unknown }).text === 'string',
  );
  if (notes.length === 0) return <span className="rt-empty">—</span>;
  return (
    <ul className="rt-notes">
      {notes.map((n) => (
        <li key={`${n.at ?? ''}-${n.text}`}>
          {n.text}
          {n.at && <small className="lt-muted"> {new Date(n.at).toLocaleString(getLocale())}</small>}
        </li>
      ))}
    </ul>
  );
}
