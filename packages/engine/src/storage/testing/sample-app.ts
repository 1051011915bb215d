import type { AppDefinition } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import type { RequestContext } from '../contracts';

const t = (zh: string, en: string) => ({ zh, en });

/** A small CRM app used by the storage tests: customer ← contact (cascade), customer ← deal (restrict). */
export function sampleApp(id = 'test-crm'): AppDefinition {
  const customer: EntityDoc = {
    kind: 'entity',
    schemaVersion: 1,
    name: 'customer',
    label: t('客户', 'Customer'),
    titleField: 'name',
    uniqueKeys: [['tax_no']],
    fields: [
      {
        id: 'f_name',
        name: 'name',
        type: 'text',
        label: t('名称', 'Name'),
        required: true,
        unique: true,
        maxLength: 100,
      },
      {
        id: 'f_code',
        name: 'code',
        type: 'autonumber',
        label: t('编号', 'Code'),
        pattern: 'CUS-{yyyy}-{0000}',
      },
      {
        id: 'f_level',
        name: 'level',
        type: 'select',
        label: t('等级', 'Level'),
        options: [
          { value: 'a', label: t('A', 'A') },
          { value: 'b', label: t('B', 'B') },
        ],
      },
      {
        id: 'f_credit',
        name: 'credit_limit',
        type: 'currency',
        label: t('信用额度', 'Credit limit'),
        validations: [
          { rule: { '>=': [{ var: 'credit_limit' }, 0] }, message: t('不能为负', 'Must not be negative') },
        ],
      },
      { id: 'f_tax', name: 'tax_no', type: 'text', label: t('税号', 'Tax no') },
      { id: 'f_note', name: 'note', type: 'text', label: t('备注', 'Note') },
      { id: 'f_email', name: 'email', type: 'email', label: t('邮箱', 'E-mail') },
      {
        id: 'f_stage',
        name: 'stage',
        type: 'stage',
        label: t('阶段', 'Stage'),
        stages: [
          { value: 'lead', label: t('线索', 'Lead') },
          { value: 'active', label: t('合作', 'Active'), requiredToLeave: ['email'] },
          { value: 'lost', label: t('流失', 'Lost') },
        ],
        transitions: { lead: ['active', 'lost'], active: ['lost'], lost: [] },
      },
      {
        id: 'f_double',
        name: 'double_limit',
        type: 'formula',
        label: t('双倍额度', 'Double limit'),
        resultType: 'number',
        expression: { '*': [{ var: 'credit_limit' }, 2] },
      },
      {
        id: 'f_deals',
        name: 'deal_count',
        type: 'rollup',
        label: t('商机数', 'Deals'),
        relation: { entity: 'deal', field: 'customer' },
        aggregate: 'count',
      },
      {
        id: 'f_deal_sum',
        name: 'deal_total',
        type: 'rollup',
        label: t('商机金额', 'Deal total'),
        relation: { entity: 'deal', field: 'customer' },
        aggregate: 'sum',
        measure: 'amount',
      },
      { id: 'region', name: 'region', type: 'text', label: t('区域', 'Region') },
    ],
  };
  const contact: EntityDoc = {
    kind: 'entity',
    schemaVersion: 1,
    name: 'contact',
    label: t('联系人', 'Contact'),
    titleField: 'name',
    fields: [
      { id: 'c_name', name: 'name', type: 'text', label: t('姓名', 'Name'), required: true },
      { id: 'c_notes', name: 'private_notes', type: 'notes', label: t('私人备注', 'Private notes') },
      {
        id: 'c_customer',
        name: 'customer',
        type: 'reference',
        label: t('客户', 'Customer'),
        target: 'customer',
        onDelete: 'cascade',
      },
    ],
  };
  const deal: EntityDoc = {
    kind: 'entity',
    schemaVersion: 1,
    name: 'deal',
    label: t('商机', 'Deal'),
    titleField: 'title',
    fields: [
      { id: 'd_title', name: 'title', type: 'text', label: t('标题', 'Title'), required: true },
      { id: 'd_amount', name: 'amount', type: 'number', label: t('金额', 'Amount') },
      { id: 'd_rank', name: 'rank', type: 'integer', label: t('排序', 'Rank') },
      {
        id: 'd_customer',
        name: 'customer',
        type: 'reference',
        label: t('客户', 'Customer'),
        target: 'customer',
        onDelete: 'restrict',
      },
      {
        id: 'd_partner',
        name: 'partner',
        type: 'reference',
        label: t('合作方', 'Partner'),
        target: 'customer',
        onDelete: 'set_null',
      },
      { id: 'd_close', name: 'close_date', type: 'date', label: t('预计成交', 'Close date') },
      {
        id: 'd_tags',
        name: 'tags',
        type: 'multiselect',
        label: t('标签', 'Tags'),
        options: [
          { value: 'hot', label: t('热', 'Hot') },
          { value: 'big', label: t('大', 'Big') },
        ],
      },
    ],
  };
  return { id, label: t('测试客户管理', 'Test CRM'), schemaVersion: 1, documents: [customer, contact, deal] };
}

/** A clock the test moves by hand. */
export function fixedClock(start = '2024-05-01T08:00:00Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** A request context for tests. */
export function testContext(actorId = 'u_admin', clock = fixedClock()): RequestContext {
  return { actor: { id: actorId, username: actorId, roles: ['admin'] }, clock };
}
