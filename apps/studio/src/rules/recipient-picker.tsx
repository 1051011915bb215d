import type { EntityDoc, Recipient } from '@lattice/engine';
import { label } from '../lib/i18n';
import { defaultRecipient, RECIPIENT_TYPES } from './rule-model';
import { rt } from './rule-text';

const TYPE_TEXT = {
  owner: 'owner',
  owner_manager: 'ownerManager',
  user: 'user',
  role: 'role',
  field: 'recordField',
} as const;

/** Who receives a notification / task / assignment: owner, owner's supervisor, a user, a role, a user field. */
export function RecipientPicker(p: {
  name: string;
  value: Recipient;
  onChange: (r: Recipient) => void;
  entity: EntityDoc | undefined;
  roles: string[];
  caption: string;
}) {
  const r = p.value;
  const userFields = (p.entity?.fields ?? []).filter((f) => f.type === 'user');
  return (
    <div className="st-row">
      <label className="st-field">
        {p.caption}
        <select
          className="lt-input"
          data-prop={`${p.name}.type`}
          value={r.type}
          onChange={(e) => p.onChange(defaultRecipient(e.target.value as Recipient['type']))}
        >
          {RECIPIENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {rt(TYPE_TEXT[t])}
            </option>
          ))}
        </select>
      </label>
      {r.type === 'user' && (
        <label className="st-field">
          {rt('user')}
          <input
            className="lt-input"
            data-prop={`${p.name}.user`}
            value={r.user}
            placeholder="sales_east"
            onChange={(e) => p.onChange({ type: 'user', user: e.target.value.trim() })}
          />
        </label>
      )}
      {r.type === 'role' && (
        <label className="st-field">
          {rt('role')}
          <select
            className="lt-input"
            data-prop={`${p.name}.role`}
            value={r.role}
            onChange={(e) => p.onChange({ type: 'role', role: e.target.value })}
          >
            <option value="">—</option>
            {p.roles.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      {r.type === 'field' && (
        <label className="st-field">
          {rt('recordField')}
          <select
            className="lt-input"
            data-prop={`${p.name}.field`}
            value={r.field}
            onChange={(e) => p.onChange({ type: 'field', field: e.target.value })}
          >
            <option value="">—</option>
            {userFields.map((f) => (
              <option key={f.name} value={f.name}>
                {label(f.label)} ({f.name})
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
