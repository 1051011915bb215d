import type { AppDefinition, EntityDoc, I18nText, RuleAction } from '@lattice/engine';
import { documentsOfKind, findEntity } from '@lattice/engine';
import { I18nInputs } from '../components/i18n-inputs';
import { JsonTextInput } from '../components/json-text-input';
import { label } from '../lib/i18n';
import { withOptional } from '../model/with-optional';
import { RecipientPicker } from './recipient-picker';
import { rt } from './rule-text';
import { DurationInput } from './trigger-editor';
import { ValueMapEditor } from './value-map-editor';

/** The inputs of one action, by type. `name` prefixes `data-prop`s (e.g. `actions.2`). */
export function ActionEditor(p: {
  name: string;
  action: RuleAction;
  onChange: (a: RuleAction) => void;
  draft: AppDefinition;
  entity: EntityDoc | undefined;
}) {
  const a = p.action;
  const roles = documentsOfKind(p.draft, 'role').map((r) => r.name);
  const entities = documentsOfKind(p.draft, 'entity');
  const flows = documentsOfKind(p.draft, 'flow').map((f) => f.name);
  const entitySelect = (value: string, onChange: (v: string) => void) => (
    <label className="st-field">
      {rt('targetEntity')}
      <select
        className="lt-input"
        data-prop={`${p.name}.entity`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {entities.map((e) => (
          <option key={e.name} value={e.name}>
            {label(e.label)} ({e.name})
          </option>
        ))}
      </select>
    </label>
  );
  const text = (
    prop: string,
    value: I18nText | undefined,
    onChange: (v: I18nText) => void,
    caption: string,
  ) => (
    <I18nInputs
      name={`${p.name}.${prop}`}
      value={value}
      onChange={onChange}
      zhLabel={`${caption}（中文）`}
      enLabel={`${caption} (English)`}
    />
  );
  switch (a.type) {
    case 'set_fields':
      return (
        <ValueMapEditor
          name={`${p.name}.values`}
          values={a.values}
          entity={p.entity}
          onChange={(values) => p.onChange({ ...a, values })}
        />
      );
    case 'create_record':
      return (
        <div className="st-props">
          {entitySelect(a.entity, (entity) => p.onChange({ ...a, entity, values: {} }))}
          <ValueMapEditor
            name={`${p.name}.values`}
            values={a.values}
            entity={findEntity(p.draft, a.entity)}
            onChange={(values) => p.onChange({ ...a, values })}
          />
        </div>
      );
    case 'update_related':
      return (
        <div className="st-props">
          {entitySelect(a.entity, (entity) => p.onChange({ ...a, entity, values: {} }))}
          <label className="st-field">
            {rt('match')}
            <JsonTextInput
              name={`${p.name}.match`}
              value={a.match}
              onChange={(match) => p.onChange({ ...a, match: match ?? true })}
            />
          </label>
          <ValueMapEditor
            name={`${p.name}.values`}
            values={a.values}
            entity={findEntity(p.draft, a.entity)}
            onChange={(values) => p.onChange({ ...a, values })}
          />
        </div>
      );
    case 'create_task': {
      const task = findEntity(p.draft, 'task');
      return (
        <div className="st-props">
          <label className="st-field">
            {rt('titleKind')}
            <select
              className="lt-input"
              data-prop={`${p.name}.titleKind`}
              value={isText(a.title) ? 'text' : 'expression'}
              onChange={(e) =>
                p.onChange({
                  ...a,
                  title:
                    e.target.value === 'text'
                      ? { zh: '', en: '' }
                      : { cat: [isText(a.title) ? a.title.zh : ''] },
                })
              }
            >
              <option value="text">{rt('titleText')}</option>
              <option value="expression">{rt('titleExpression')}</option>
            </select>
          </label>
          {isText(a.title) ? (
            text('title', a.title, (title) => p.onChange({ ...a, title }), rt('title'))
          ) : (
            <label className="st-field">
              {rt('title')}
              <JsonTextInput
                name={`${p.name}.title`}
                value={a.title}
                onChange={(title) => p.onChange({ ...a, title: title ?? { zh: '', en: '' } })}
              />
            </label>
          )}
          <RecipientPicker
            name={`${p.name}.assignee`}
            caption={rt('assignee')}
            value={a.assignee}
            entity={p.entity}
            roles={roles}
            onChange={(assignee) => p.onChange({ ...a, assignee })}
          />
          <DurationInput
            name={`${p.name}.due`}
            caption={rt('dueHours')}
            value={a.due}
            onChange={(due) => p.onChange({ ...a, due })}
          />
          <label className="st-field">
            {rt('forEach')}
            <JsonTextInput
              name={`${p.name}.forEach`}
              value={a.forEach}
              onChange={(forEach) => p.onChange(withOptional(a, 'forEach', forEach))}
            />
          </label>
          {task && (
            <div className="st-field">
              {rt('taskValues')}
              <ValueMapEditor
                name={`${p.name}.values`}
                values={a.values ?? {}}
                entity={task}
                onChange={(values) =>
                  p.onChange(withOptional(a, 'values', Object.keys(values).length ? values : undefined))
                }
              />
            </div>
          )}
        </div>
      );
    }
    case 'notify':
      return (
        <div className="st-props">
          <div className="st-row">
            <label className="st-field">
              {rt('channel')}
              <select
                className="lt-input"
                data-prop={`${p.name}.channel`}
                value={a.channel}
                onChange={(e) =>
                  p.onChange({ ...a, channel: e.target.value as 'inbox' | 'email' | 'webhook' })
                }
              >
                <option value="inbox">站内信 / In-app inbox</option>
                <option value="email">邮件 / E-mail</option>
                <option value="webhook">Webhook</option>
              </select>
            </label>
            <RecipientPicker
              name={`${p.name}.to`}
              caption={rt('recipient')}
              value={a.to}
              entity={p.entity}
              roles={roles}
              onChange={(to) => p.onChange({ ...a, to })}
            />
          </div>
          {text('title', a.title, (title) => p.onChange({ ...a, title }), rt('title'))}
          {text('body', a.body, (body) => p.onChange({ ...a, body }), rt('body'))}
          {a.channel === 'webhook' && (
            <label className="st-field">
              {rt('url')}
              <input
                className="lt-input"
                data-prop={`${p.name}.url`}
                value={a.url ?? ''}
                onChange={(e) => p.onChange({ ...a, url: e.target.value })}
              />
            </label>
          )}
        </div>
      );
    case 'assign_owner':
      return (
        <RecipientPicker
          name={`${p.name}.to`}
          caption={rt('assignee')}
          value={a.to}
          entity={p.entity}
          roles={roles}
          onChange={(to) => p.onChange({ ...a, to })}
        />
      );
    case 'start_flow':
      return (
        <label className="st-field">
          {rt('flow')}
          <select
            className="lt-input"
            data-prop={`${p.name}.flow`}
            value={a.flow}
            onChange={(e) => p.onChange({ ...a, flow: e.target.value })}
          >
            <option value="">—</option>
            {flows.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
      );
    case 'call_webhook':
      return (
        <div className="st-props">
          <div className="st-row">
            <label className="st-field" style={{ flex: 1 }}>
              {rt('url')}
              <input
                className="lt-input"
                data-prop={`${p.name}.url`}
                value={a.url}
                onChange={(e) => p.onChange({ ...a, url: e.target.value })}
              />
            </label>
            <label className="st-field">
              {rt('method')}
              <select
                className="lt-input"
                data-prop={`${p.name}.method`}
                value={a.method ?? 'POST'}
                onChange={(e) => p.onChange({ ...a, method: e.target.value as 'POST' | 'PUT' })}
              >
                <option value="POST">POST</option>
                <option value="PUT">PUT</option>
              </select>
            </label>
          </div>
          <label className="st-field">
            {rt('body')}
            <JsonTextInput
              name={`${p.name}.body`}
              value={a.body}
              onChange={(body) =>
                p.onChange(
                  body
                    ? { ...a, body }
                    : { type: a.type, url: a.url, ...(a.method ? { method: a.method } : {}) },
                )
              }
            />
          </label>
        </div>
      );
    case 'recompute':
      return (
        <label className="st-field">
          {rt('field')}
          <select
            className="lt-input"
            multiple
            style={{ height: 96 }}
            data-prop={`${p.name}.fields`}
            value={a.fields}
            onChange={(e) => p.onChange({ ...a, fields: [...e.target.selectedOptions].map((o) => o.value) })}
          >
            {(p.entity?.fields ?? [])
              .filter((f) => f.type === 'formula' || f.type === 'rollup')
              .map((f) => (
                <option key={f.name} value={f.name}>
                  {label(f.label)} ({f.name})
                </option>
              ))}
          </select>
        </label>
      );
  }
}

function isText(v: unknown): v is I18nText {
  return typeof v === 'object' && v !== null && 'zh' in v && 'en' in v;
}
