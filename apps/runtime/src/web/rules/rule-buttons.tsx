import { useEffect, useState } from 'react';
import { toast } from '../components/toast';
import { api } from '../lib/api';
import { errorMessage } from '../lib/error-message';
import { createTranslator, label, useLocale } from '../lib/i18n';
import type { RecordExtensionProps } from '../record/record-extensions';

/** A live rule as `GET /api/apps/:app/rules` lists it. */
interface LiveRule {
  name: string;
  label: { zh: string; en: string };
  entity: string;
  enabled: boolean;
  trigger: string;
  button: { zh: string; en: string } | null;
  /** The caller holds the update right on the rule's entity (only then is the button shown). */
  runnable: boolean;
}

const rt = createTranslator({
  ran: { zh: '已执行「{name}」', en: 'Ran "{name}"' },
  notMatched: {
    zh: '「{name}」的条件不满足，未执行',
    en: '"{name}": the condition does not hold, nothing ran',
  },
  stopped: { zh: '「{name}」已停止：{why}', en: '"{name}" stopped: {why}' },
});

const cache = new Map<string, Promise<LiveRule[]>>();

/** The app's live rules, fetched once per app and page load. */
function liveRules(app: string): Promise<LiveRule[]> {
  let p = cache.get(app);
  if (!p) {
    p = api<{ items: LiveRule[] }>('GET', `/api/apps/${encodeURIComponent(app)}/rules`).then((r) => r.items);
    p.catch(() => cache.delete(app));
    cache.set(app, p);
  }
  return p;
}

/**
 * Record-page header buttons for the entity's enabled manual rules (trigger `manual`) the user may run
 * (update right on the entity): clicking one runs
 * the rule on this record (`POST /api/apps/:app/rules/:id/run`) and re-reads the record.
 */
export function RuleButtonsAction(p: RecordExtensionProps) {
  const locale = useLocale();
  const [rules, setRules] = useState<LiveRule[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    liveRules(p.app).then(
      (all) =>
        alive &&
        setRules(all.filter((r) => r.entity === p.entity.name && r.enabled && r.button && r.runnable)),
      () => alive && setRules([]),
    );
    return () => {
      alive = false;
    };
  }, [p.app, p.entity.name]);
  if (rules.length === 0) return null;
  const run = async (rule: LiveRule) => {
    setBusy(rule.name);
    const name = label(rule.button ?? rule.label);
    try {
      const res = await api<{ matched: boolean; error?: { message: { zh: string; en: string } } }>(
        'POST',
        `/api/apps/${encodeURIComponent(p.app)}/rules/${encodeURIComponent(rule.name)}/run`,
        { recordId: p.record.id },
      );
      if (res.error) toast.error(rt('stopped', { name, why: label(res.error.message) }));
      else if (!res.matched) toast.info(rt('notMatched', { name }));
      else toast.success(rt('ran', { name }));
      p.reload();
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {rules.map((r) => (
        <button
          key={`${r.name}-${locale}`}
          type="button"
          className="lt-btn"
          data-rule-button={r.name}
          disabled={busy !== null}
          title={label(r.label)}
          onClick={() => void run(r)}
        >
          ⚡ {label(r.button ?? r.label)}
        </button>
      ))}
    </>
  );
}
