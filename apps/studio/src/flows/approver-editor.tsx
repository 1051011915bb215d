import type { ApproverSpec, EntityDoc } from '@lattice/engine';
import { label } from '../lib/i18n';
import { ft } from './flow-text';

const TYPES: ApproverSpec['type'][] = ['department_head', 'role', 'user', 'field'];

function defaultSpec(type: ApproverSpec['type'], roles: string[], entity?: EntityDoc): ApproverSpec {
  switch (type) {
    case 'user':
      return { type, user: '' };
    case 'role':
      return { type, role: roles[0] ?? '' };
    case 'department_head':
      return { type };
    case 'field':
      return { type, field: entity?.fields.find((f) => f.type === 'user')?.name ?? '' };
  }
}

/** One approver spec: named user, role, the submitter's department head, or a user field of the record. */
export function ApproverEditor(p: {
  name: string;
  value: ApproverSpec;
  onChange: (v: ApproverSpec) => void;
  onRemove?: () => void;
  roles: string[];
  entity?: EntityDoc;
}) {
  const v = p.value;
  const userFields = (p.entity?.fields ?? []).filter((f) => f.type === 'user');
  return (
    <div className="st-row fd-approver" data-approver={p.name}>
      <select
        className="lt-input"
        data-prop={`${p.name}.type`}
        value={v.type}
        onChange={(e) => p.onChange(defaultSpec(e.target.value as ApproverSpec['type'], p.roles, p.entity))}
      >
        {TYPES.map((t) => (
          <option key={t} value={t}>
            {ft(`a_${t}`)}
          </option>
        ))}
      </select>
      {v.type === 'role' && (
        <select
          className="lt-input"
          data-prop={`${p.name}.role`}
          value={v.role}
          onChange={(e) => p.onChange({ type: 'role', role: e.target.value })}
        >
          {[...new Set([...p.roles, v.role])].filter(Boolean).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      )}
      {v.type === 'user' && (
        <input
          className="lt-input"
          data-prop={`${p.name}.user`}
          value={v.user}
          placeholder="finance"
          onChange={(e) => p.onChange({ type: 'user', user: e.target.value.trim() })}
        />
      )}
      {v.type === 'field' && (
        <select
          className="lt-input"
          data-prop={`${p.name}.field`}
          value={v.field}
          onChange={(e) => p.onChange({ type: 'field', field: e.target.value })}
        >
          {userFields.map((f) => (
            <option key={f.name} value={f.name}>
              {label(f.label)} ({f.name})
            </option>
          ))}
        </select>
      )}
      {p.onRemove && (
        <button type="button" className="lt-btn" aria-label={ft('remove')} onClick={p.onRemove}>
          ×
        </button>
      )}
    </div>
  );
}
