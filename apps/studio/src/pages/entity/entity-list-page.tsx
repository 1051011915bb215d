import { documentsOfKind } from '@lattice/engine';
import { useState } from 'react';
import { ErrorText } from '../../components/error-text';
import { I18nInputs } from '../../components/i18n-inputs';
import { useAppDraft } from '../../lib/app-draft';
import { label } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { t } from '../../lib/studio-text';
import { draftEntity } from '../../model/draft-edits';
import { newEntity } from '../../model/new-entity';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** The app's entities as tiles, and the "new entity" form (API name + zh/en label). */
export function EntityListPage(p: { appId: string }) {
  const { draft, update } = useAppDraft();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [text, setText] = useState({ zh: '', en: '' });
  if (!draft) return <div className="lt-page lt-muted">{t('loading')}</div>;
  const entities = documentsOfKind(draft, 'entity');
  const nameError =
    name === ''
      ? undefined
      : !NAME.test(name)
        ? t('entityNameHint')
        : draftEntity(draft, name)
          ? `${name} ✕`
          : undefined;
  return (
    <div className="lt-page">
      <div className="lt-toolbar" style={{ justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0 }}>{t('entities')}</h1>
        <button
          type="button"
          className="lt-btn lt-btn-primary"
          data-action="new-entity"
          onClick={() => setCreating(true)}
        >
          + {t('newEntity')}
        </button>
      </div>
      {creating && (
        <form
          className="lt-card st-form"
          style={{ marginBottom: 16 }}
          data-testid="new-entity-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (nameError || !name || !text.zh) return;
            update((d) => ({
              ...d,
              documents: [...d.documents, newEntity(name, { zh: text.zh, en: text.en || text.zh })],
            }));
            navigate(`/apps/${p.appId}/entities/${name}`);
          }}
        >
          <label>
            {t('entityName')}
            <input
              className={`lt-input${nameError ? ' st-input-error' : ''}`}
              data-prop="entity.name"
              value={name}
              placeholder="equipment_ledger"
              onChange={(e) => setName(e.target.value.trim())}
            />
            <small>{t('entityNameHint')}</small>
            <ErrorText message={nameError} path="entity.name" />
          </label>
          <I18nInputs name="entity.label" value={text} onChange={setText} />
          <div className="st-row">
            <button
              type="submit"
              className="lt-btn lt-btn-primary"
              disabled={!name || !text.zh || Boolean(nameError)}
            >
              {t('create')}
            </button>
            <button type="button" className="lt-btn" onClick={() => setCreating(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {entities.length === 0 ? (
        <p className="lt-muted">{t('noEntities')}</p>
      ) : (
        <div className="st-grid">
          {entities.map((e) => (
            <div
              key={e.name}
              className="lt-card st-tile"
              data-entity={e.name}
              role="link"
              tabIndex={0}
              onClick={() => navigate(`/apps/${p.appId}/entities/${e.name}`)}
              onKeyDown={(k) => k.key === 'Enter' && navigate(`/apps/${p.appId}/entities/${e.name}`)}
            >
              <h3>{label(e.label)}</h3>
              <code>{e.name}</code>
              <span className="lt-muted">{t('fieldsCount', { n: e.fields.length })}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
