import { findEntity, type RecordPageSection } from '@lattice/engine';
import { useEffect, useMemo, useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorBoundary } from '../components/error-boundary';
import { FieldValue, fieldLabel } from '../components/field-value';
import { PageMessage } from '../components/page-message';
import { toast } from '../components/toast';
import { recordPageFor } from '../lib/app-metadata';
import { useCurrentApp } from '../lib/current-app';
import { useDepartments } from '../lib/department-directory';
import { can } from '../lib/entity-access';
import { errorMessage } from '../lib/error-message';
import { getLocale, label, useLocale } from '../lib/i18n';
import { recordTitle, referencesIn, useRecordTitles } from '../lib/record-titles';
import { type RecordData, recordsApi } from '../lib/records-api';
import { linkClick, navigate } from '../lib/router';
import { t } from '../lib/ui-text';
import { useDirectory, userName } from '../lib/user-directory';
import { ChartSection } from '../record/chart-section';
import { HistorySection } from '../record/history-section';
import { KpiSection } from '../record/kpi-section';
import { RECORD_EXTENSIONS } from '../record/record-extensions';
import { RelatedSection } from '../record/related-section';
import { RevealValue } from '../record/reveal-value';
import { TimelineSection } from '../record/timeline-section';

/** Sections that span the full width. (Approval sections are drawn by the approvals area, not here.) */
const WIDE: RecordPageSection['type'][] = ['kpis', 'fields'];

/**
 * The record (360) page: header with edit/delete, then the record view's sections — KPI cards, field
 * groups, related lists, timeline and the field history (who changed what, when).
 */
export function RecordPage(p: { entity: string; id: string }) {
  useLocale();
  useDirectory();
  useDepartments();
  const { appId, definition, loading, error, access } = useCurrentApp();
  const [record, setRecord] = useState<RecordData | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const entity = definition ? findEntity(definition, p.entity) : undefined;
  const page = useMemo(
    () => (definition && entity ? recordPageFor(definition, entity) : null),
    [definition, entity],
  );

  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick re-reads the record
  useEffect(() => {
    if (!appId) return;
    recordsApi.get(appId, p.entity, p.id).then(setRecord, setLoadError);
  }, [appId, p.entity, p.id, tick]);

  const fieldNames = useMemo(
    () =>
      page
        ? page.sections.flatMap((s) =>
            s.type === 'fields'
              ? s.fields
              : s.type === 'kpis'
                ? s.cards.flatMap((c) => (c.field ? [c.field] : []))
                : [],
          )
        : [],
    [page],
  );
  useRecordTitles(
    appId ?? '',
    definition,
    entity && record ? referencesIn(entity, fieldNames, [record]) : new Map(),
  );

  if (!definition || !appId) return <PageMessage loading={loading} error={error} />;
  if (!entity || !page) return <PageMessage error={t('notFound')} />;
  if (loadError) return <PageMessage error={loadError} />;
  if (!record) return <PageMessage loading />;

  const listHref = `/apps/${appId}/e/${entity.name}`;
  const editHref = `${listHref}/r/${record.id}/edit`;
  const title = recordTitle(entity, record);
  const remove = async () => {
    setDeleting(true);
    try {
      await recordsApi.remove(appId, entity.name, record.id);
      toast.success(t('deleted'));
      navigate(listHref, { replace: true });
    } catch (err) {
      toast.error(errorMessage(err));
      setDeleting(false);
      setConfirming(false);
    }
  };

  const extension = { app: appId, definition, entity, record, reload: () => setTick((n) => n + 1) };
  const renderSection = (s: RecordPageSection) => {
    switch (s.type) {
      case 'kpis':
        return <KpiSection app={appId} definition={definition} entity={entity} section={s} record={record} />;
      case 'fields':
        return (
          <dl className={`rt-fields rt-cols-${Math.min(Math.max(s.columns ?? 2, 1), 4)}`}>
            {s.fields.map((name) => (
              <div key={name} className="rt-field-pair" data-field-view={name}>
                <dt>{fieldLabel(entity, name)}</dt>
                <dd>
                  {entity.fields.some((f) => f.name === name && f.sensitive) ? (
                    <RevealValue
                      app={appId}
                      entity={entity}
                      id={record.id}
                      name={name}
                      value={record[name]}
                    />
                  ) : (
                    <FieldValue app={appId} entity={entity} name={name} value={record[name]} />
                  )}
                </dd>
              </div>
            ))}
          </dl>
        );
      case 'related':
        return (
          <RelatedSection
            app={appId}
            definition={definition}
            section={s}
            id={record.id}
            canCreate={can(access, s.entity, 'create')}
          />
        );
      case 'timeline':
        return <TimelineSection app={appId} definition={definition} section={s} id={record.id} />;
      case 'history':
        return (
          <HistorySection
            app={appId}
            definition={definition}
            entity={entity}
            id={record.id}
            refresh={record.version}
          />
        );
      case 'chart':
        return <ChartSection app={appId} definition={definition} section={s} id={record.id} />;
      case 'approvals': {
        const Approvals = RECORD_EXTENSIONS.sections.approvals;
        return Approvals ? <Approvals {...extension} section={s} /> : null;
      }
    }
  };
  const sections = page.sections.filter(
    (s) => s.type !== 'approvals' || RECORD_EXTENSIONS.sections.approvals,
  );
  const hasHistory = sections.some((s) => s.type === 'history');

  return (
    <div className="lt-page rt-record-page" data-testid="record-page">
      <div className="rt-page-head rt-record-head lt-card">
        <div>
          <div className="lt-muted rt-crumb">
            <a href={listHref} onClick={linkClick(listHref)}>
              {label(entity.pluralLabel ?? entity.label)}
            </a>
            {' / '}
            {label(page.label)}
          </div>
          <h1 data-testid="record-title">{title}</h1>
          <div className="lt-muted rt-meta">
            {record.owner && (
              <span>
                {t('owner')}: {userName(record.owner)}
              </span>
            )}
            <span>
              {t('updatedAt')}: {new Date(record.updated_at).toLocaleString(getLocale())}
            </span>
          </div>
        </div>
        <div className="rt-row rt-wrap">
          {RECORD_EXTENSIONS.actions.map((Action) => (
            <ErrorBoundary key={Action.name} compact>
              <Action {...extension} />
            </ErrorBoundary>
          ))}
          {can(access, entity.name, 'update') && (
            <a
              className="lt-btn lt-btn-primary"
              href={editHref}
              onClick={linkClick(editHref)}
              data-action="edit"
            >
              ✎ {t('edit')}
            </a>
          )}
          {can(access, entity.name, 'delete') && (
            <button
              type="button"
              className="lt-btn lt-btn-danger"
              data-action="delete"
              onClick={() => setConfirming(true)}
            >
              {t('delete')}
            </button>
          )}
        </div>
      </div>
      <div className="rt-sections">
        {sections.map((s) => (
          <section
            key={s.id}
            className={`lt-card rt-section${WIDE.includes(s.type) ? ' rt-wide' : ''}`}
            data-section={s.id}
            data-section-type={s.type}
          >
            <h2>{label(s.title)}</h2>
            <ErrorBoundary compact>{renderSection(s)}</ErrorBoundary>
          </section>
        ))}
        {!hasHistory && (
          <section className="lt-card rt-section" data-section="history" data-section-type="history">
            <h2>{t('history')}</h2>
            <HistorySection
              app={appId}
              definition={definition}
              entity={entity}
              id={record.id}
              refresh={record.version}
            />
          </section>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('deleteConfirmTitle')}
          body={t('deleteConfirmBody', { title })}
          confirmText={t('delete')}
          danger
          busy={deleting}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
