import type { I18nText } from '@lattice/engine';
import type { ValueKind } from './field-kind';

/** System columns a dataset may name directly (`region`, `created_at`…) when no field has that name. */
export const REPORTABLE_SYSTEM_COLUMNS: Readonly<Record<string, { kind: ValueKind; label: I18nText }>> = {
  id: { kind: 'string', label: { zh: 'ID', en: 'ID' } },
  created_at: { kind: 'datetime', label: { zh: '创建时间', en: 'Created at' } },
  created_by: { kind: 'string', label: { zh: '创建人', en: 'Created by' } },
  updated_at: { kind: 'datetime', label: { zh: '更新时间', en: 'Updated at' } },
  updated_by: { kind: 'string', label: { zh: '更新人', en: 'Updated by' } },
  owner: { kind: 'string', label: { zh: '负责人', en: 'Owner' } },
  region: { kind: 'string', label: { zh: '区域', en: 'Region' } },
  department: { kind: 'string', label: { zh: '部门', en: 'Department' } },
};
