import type { EntityDoc } from '@lattice/engine';
import { useState } from 'react';
import { FieldValue } from '../components/field-value';
import { toast } from '../components/toast';
import { api } from '../lib/api';
import { errorMessage } from '../lib/error-message';
import { useLocale } from '../lib/i18n';

/**
 * A sensitive field on the record page: shown masked (`138****5678`) with a "reveal" button that asks
 * the server for the plain value — allowed for roles listing the field in `reveal`, and audited.
 */
export function RevealValue(p: { app: string; entity: EntityDoc; id: string; name: string; value: unknown }) {
  const locale = useLocale();
  const [plain, setPlain] = useState<unknown>(undefined);
  if (p.value === null || p.value === undefined || p.value === '') {
    return <FieldValue app={p.app} entity={p.entity} name={p.name} value={p.value} />;
  }
  const reveal = async () => {
    try {
      const res = await api<{ value: unknown }>(
        'GET',
        `/api/apps/${p.app}/records/${p.entity.name}/${encodeURIComponent(p.id)}/reveal/${p.name}`,
      );
      setPlain(res.value);
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };
  return (
    <span
      className="rt-reveal"
      data-reveal={p.name}
      style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}
    >
      <FieldValue app={p.app} entity={p.entity} name={p.name} value={plain === undefined ? p.value : plain} />
      {plain === undefined && (
        <button
          type="button"
          className="lt-btn rt-reveal-btn"
          style={{ padding: '2px 8px' }}
          onClick={() => void reveal()}
        >
          {locale === 'en' ? 'Reveal' : '查看'}
        </button>
      )}
    </span>
  );
}
