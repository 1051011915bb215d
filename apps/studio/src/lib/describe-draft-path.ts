import type { AppDefinition } from '@lattice/engine';
import { label } from './i18n';

const KIND_TEXT = {
  entity: { zh: '实体', en: 'Entity' },
  form: { zh: '表单', en: 'Form' },
  view: { zh: '视图', en: 'View' },
  rule: { zh: '规则', en: 'Rule' },
  flow: { zh: '审批流', en: 'Flow' },
  report: { zh: '报表', en: 'Report' },
  dashboard: { zh: '仪表盘', en: 'Dashboard' },
  role: { zh: '角色', en: 'Role' },
} as const;

/** Where a draft error points, readable: `documents.3.fields.2.name` → `实体 设备台账 › 序列号 › name`. */
export interface DescribedPath {
  text: string;
  /** Studio page that edits the element, when one exists. */
  to?: string;
}

/** Turns a server error path into words and a link to the designer that can fix it. */
export function describeDraftPath(draft: AppDefinition, appId: string, path: string): DescribedPath {
  const m = /^documents\.(\d+)(?:\.(.*))?$/.exec(path);
  const doc = m ? draft.documents[Number(m[1])] : undefined;
  if (!m || !doc) return { text: path };
  const rest = m[2] ?? '';
  const name = 'name' in doc ? doc.name : '';
  const head = `${label(KIND_TEXT[doc.kind])} ${'label' in doc && doc.label ? label(doc.label) : name}`;
  const parts = [head];
  let tail = rest;
  if (doc.kind === 'entity') {
    const f = /^fields\.(\d+)(?:\.(.*))?$/.exec(rest);
    const field = f ? doc.fields[Number(f[1])] : undefined;
    if (field) {
      parts.push(label(field.label) || field.name);
      tail = f?.[2] ?? '';
    }
  }
  if (tail) parts.push(tail);
  const base = `/apps/${appId}`;
  const to =
    doc.kind === 'entity'
      ? `${base}/entities/${doc.name}`
      : doc.kind === 'form'
        ? `${base}/entities/${doc.entity}/form`
        : doc.kind === 'view'
          ? `${base}/entities/${doc.entity}/views`
          : undefined;
  return { text: parts.join(' › '), ...(to ? { to } : {}) };
}
