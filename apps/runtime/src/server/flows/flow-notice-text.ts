import type { I18nText } from '@lattice/engine';
import type { NotifyKind } from '@lattice/flow-engine';

/** The in-app notification title of a flow notice, e.g. "待您审批：新客户准入 · 苏州恒力". */
export function flowNoticeTitle(kind: NotifyKind, flow: I18nText, record: string): I18nText {
  const head: Record<NotifyKind, I18nText> = {
    task: { zh: '待您审批', en: 'Awaiting your approval' },
    cc: { zh: '抄送给您', en: 'CC' },
    urge: { zh: '催办', en: 'Reminder from the submitter' },
    remind: { zh: '审批超时提醒', en: 'Approval overdue' },
    escalated: { zh: '审批已升级给您', en: 'Approval escalated to you' },
    returned: { zh: '审批被驳回或退回', en: 'Approval rejected or sent back' },
    outcome: { zh: '审批已通过', en: 'Approval approved' },
  };
  return { zh: `${head[kind].zh}：${flow.zh} · ${record}`, en: `${head[kind].en}: ${flow.en} · ${record}` };
}
