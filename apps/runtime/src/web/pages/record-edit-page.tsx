import { fileRefsOf, findEntity } from '@lattice/engine';
import { type FieldErrorInput, FormRenderer, validateFormValues } from '@lattice/form-builder';
import { useEffect, useMemo, useState } from 'react';
import { at } from '../approvals/approval-text';
import { recordFlows } from '../approvals/approvals-api';
import { type FlowLock, flowLockFor, lockedEntity } from '../approvals/flow-lock';
import '../approvals/approvals.css';
import { PageMessage } from '../components/page-message';
import { toast } from '../components/toast';
import { fileUploader } from '../files/file-uploader';
import { useFileUrls } from '../files/file-urls';
import { ApiError, loadSession } from '../lib/api';
import { formFor } from '../lib/app-metadata';
import { useCurrentApp } from '../lib/current-app';
import { departmentPicker } from '../lib/department-directory';
import { editableEntity, visibleForm } from '../lib/entity-access';
import { errorMessage } from '../lib/error-message';
import { recordLookup, userPicker } from '../lib/form-services';
import { label, useLocale } from '../lib/i18n';
import { recordTitle } from '../lib/record-titles';
import { changedValues, prefillFromQuery } from '../lib/record-values';
import { type RecordData, recordsApi } from '../lib/records-api';
import { navigate } from '../lib/router';
import { t } from '../lib/ui-text';

/**
 * Create (`id` absent) or edit a record with the entity's form. Client validation uses the server's
 * rules; server errors land on their fields (path → message) and in a banner; 409 reloads the record.
 * File/image fields upload through the runtime's file API (`files/file-uploader.ts`).
 * While the record is in a running approval flow its fields are read-only, except the ones the active node
 * lets its pending approvers change (the same rule the server enforces with 423).
 */
export function RecordEditPage(p: { entity: string; id?: string }) {
  const locale = useLocale();
  const { appId, definition, loading, error, access } = useCurrentApp();
  const [record, setRecord] = useState<RecordData | null>(null);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [loadError, setLoadError] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrorInput[]>();
  const [banner, setBanner] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [saving, setSaving] = useState(false);
  const [tick, setTick] = useState(0);
  const [lock, setLock] = useState<FlowLock | null | undefined>(p.id ? undefined : null);
  // The user's field rights: read-only fields become read-only widgets, hidden ones leave the form.
  const entity = useMemo(() => {
    const found = definition ? findEntity(definition, p.entity) : undefined;
    return found ? lockedEntity(editableEntity(found, access), lock ?? null) : undefined;
  }, [definition, p.entity, access, lock]);
  const form = useMemo(
    () => (definition && entity ? visibleForm(formFor(definition, entity), entity.name, access) : null),
    [definition, entity, access],
  );
  const lookup = useMemo(
    () => (appId && definition ? recordLookup(appId, definition) : undefined),
    [appId, definition],
  );
  // File/image widgets show files by signed URLs: load them for the values, and give the renderer a new
  // uploader when they arrive so the thumbnails re-render.
  const fileIds = (entity?.fields ?? [])
    .filter((f) => f.type === 'file' || f.type === 'image')
    .flatMap((f) => fileRefsOf(values[f.name]).map((r) => r.id));
  const fileUrls = useFileUrls(appId ?? '', appId ? fileIds : []);
  const urlsKey = fileIds.map((id) => fileUrls[id] ?? '').join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: urlsKey renews the uploader when URLs arrive
  const uploader = useMemo(
    () => (appId && entity ? fileUploader(appId, entity.name) : undefined),
    [appId, entity, urlsKey],
  );
  const session = loadSession();

  // A new record may be pre-filled from the query (`?customer=<id>` from a related list's "New").
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on first render of a new record
  useEffect(() => {
    if (p.id || !entity) return;
    const preset = prefillFromQuery(entity, new URLSearchParams(location.search));
    if (Object.keys(preset).length > 0) setValues((v) => ({ ...preset, ...v }));
  }, [entity]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick reloads after a conflict
  useEffect(() => {
    if (!appId || !p.id) return;
    recordsApi
      .get(appId, p.entity, p.id)
      .then((r) => {
        setRecord(r);
        setValues(r);
      })
      .catch(setLoadError);
    recordFlows(appId, p.entity, p.id).then(
      (flows) => setLock(flowLockFor(flows, loadSession()?.user.id)),
      () => setLock(null),
    );
  }, [appId, p.entity, p.id, tick]);

  if (!definition || !appId) return <PageMessage loading={loading} error={error} />;
  if (!entity || !form) return <PageMessage error={t('notFound')} />;
  if (loadError) return <PageMessage error={loadError} />;
  if (p.id && (!record || lock === undefined)) return <PageMessage loading />;

  const fieldLabel = (name: string) => label(entity.fields.find((f) => f.name === name)?.label) || name;
  const back = p.id ? `/apps/${appId}/e/${entity.name}/r/${p.id}` : `/apps/${appId}/e/${entity.name}`;
  const save = async () => {
    setBanner(null);
    // Sensitive values arrive masked (138****5678); left unchanged they are neither sent nor checked.
    const maskedAsLoaded = (path: string) =>
      !!record && values[path] === record[path] && entity.fields.some((f) => f.name === path && f.sensitive);
    const clientErrors = validateFormValues(entity, form, values, record ? { existing: record } : {}).filter(
      (e) => !maskedAsLoaded(e.path),
    );
    if (clientErrors.length > 0) {
      setShowAll(true);
      setBanner(t('fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const saved = record
        ? await recordsApi.update(
            appId,
            entity.name,
            record.id,
            record.version,
            changedValues(record, values),
          )
        : await recordsApi.create(appId, entity.name, changedValues({}, values));
      toast.success(record ? t('saved') : t('created'));
      navigate(`/apps/${appId}/e/${entity.name}/r/${saved.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && record) {
        toast.error(t('conflict'));
        setBanner(t('conflict'));
        setTick((n) => n + 1);
      } else if (err instanceof ApiError) {
        setServerErrors(err.details);
        setBanner(errorMessage(err));
        toast.error(err.message);
      } else {
        setBanner(errorMessage(err));
        toast.error(errorMessage(err));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="lt-page rt-form-page">
      <div className="rt-page-head">
        <div>
          <div className="lt-muted rt-crumb">{label(entity.label)}</div>
          <h1>{record ? recordTitle(entity, record) : `${t('create')} ${label(entity.label)}`}</h1>
        </div>
      </div>
      {lock && (
        <div className="ap-lock-banner" role="status" data-testid="flow-lock-banner">
          🔒 {at('lockedForm', { f: label(lock.flowLabel) })}
          {lock.editable.length > 0
            ? ` ${at('editable', { f: lock.editable.map(fieldLabel).join('、') })}`
            : ''}
        </div>
      )}
      {banner && (
        <div className="lt-error-banner" role="alert" data-testid="form-error">
          {banner}
        </div>
      )}
      <form
        className="lt-card rt-form-card"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <FormRenderer
          entity={entity}
          form={form}
          value={values}
          onChange={(next) => setValues(next)}
          {...(serverErrors ? { errors: serverErrors } : {})}
          {...(record ? { existing: record } : {})}
          locale={locale}
          showClientErrors={showAll ? 'all' : 'touched'}
          {...(lookup ? { lookup } : {})}
          {...(uploader ? { uploader } : {})}
          users={userPicker}
          departments={departmentPicker}
          {...(session
            ? {
                currentUser: { id: session.user.id, name: session.user.displayName ?? session.user.username },
              }
            : {})}
        />
        <div className="rt-form-actions">
          <button type="button" className="lt-btn" onClick={() => navigate(back)}>
            {t('cancel')}
          </button>
          <button
            type="submit"
            className="lt-btn lt-btn-primary"
            data-action="save"
            disabled={saving || (lock !== null && lock !== undefined && lock.editable.length === 0)}
          >
            {saving ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </div>
  );
}
