import type { AppDefinition, EntityDoc, RoleDoc, SelectOption } from '@lattice/engine';

const opt = (value: string, zh: string, en: string): SelectOption => ({ value, label: { zh, en } });

/** The seven sales regions of the demo (华东, 华南, …). */
export const DEMO_REGIONS: SelectOption[] = [
  opt('east', '华东', 'East'),
  opt('south', '华南', 'South'),
  opt('north', '华北', 'North'),
  opt('central', '华中', 'Central'),
  opt('southwest', '西南', 'Southwest'),
  opt('northwest', '西北', 'Northwest'),
  opt('northeast', '东北', 'Northeast'),
];

const customer: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'customer',
  label: { zh: '客户', en: 'Customer' },
  titleField: 'name',
  fields: [
    {
      id: 'f_code',
      name: 'code',
      type: 'autonumber',
      pattern: 'CUS-{yyyy}-{0000}',
      label: { zh: '客户编号', en: 'Code' },
    },
    {
      id: 'f_name',
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 200,
      label: { zh: '客户名称', en: 'Name' },
    },
    {
      id: 'f_credit_code',
      name: 'credit_code',
      type: 'text',
      unique: true,
      pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$',
      label: { zh: '统一社会信用代码', en: 'Credit code' },
    },
    {
      id: 'f_tier',
      name: 'tier',
      type: 'select',
      options: [opt('A', 'A 类', 'Tier A'), opt('B', 'B 类', 'Tier B'), opt('C', 'C 类', 'Tier C')],
      label: { zh: '客户等级', en: 'Tier' },
    },
    {
      id: 'region',
      name: 'region',
      type: 'select',
      options: DEMO_REGIONS,
      label: { zh: '区域', en: 'Region' },
    },
    { id: 'f_industry', name: 'industry', type: 'text', label: { zh: '行业', en: 'Industry' } },
    {
      id: 'f_annual_revenue',
      name: 'annual_revenue',
      type: 'currency',
      currency: 'CNY',
      min: 0,
      label: { zh: '年营收', en: 'Annual revenue' },
    },
    {
      id: 'f_employees',
      name: 'employees',
      type: 'integer',
      min: 0,
      label: { zh: '员工数', en: 'Employees' },
    },
    { id: 'owner', name: 'owner', type: 'user', label: { zh: '负责人', en: 'Owner' } },
  ],
};

const contact: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'contact',
  label: { zh: '联系人', en: 'Contact' },
  titleField: 'name',
  fields: [
    { id: 'f_name', name: 'name', type: 'text', required: true, label: { zh: '姓名', en: 'Name' } },
    {
      id: 'f_customer',
      name: 'customer',
      type: 'reference',
      target: 'customer',
      onDelete: 'cascade',
      required: true,
      label: { zh: '所属客户', en: 'Customer' },
    },
    { id: 'f_title', name: 'title', type: 'text', label: { zh: '职务', en: 'Title' } },
    { id: 'f_phone', name: 'phone', type: 'phone', label: { zh: '电话', en: 'Phone' } },
    { id: 'f_email', name: 'email', type: 'email', label: { zh: '邮箱', en: 'Email' } },
  ],
};

const opportunity: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'opportunity',
  label: { zh: '商机', en: 'Opportunity' },
  titleField: 'name',
  fields: [
    { id: 'f_name', name: 'name', type: 'text', required: true, label: { zh: '商机名称', en: 'Name' } },
    {
      id: 'f_customer',
      name: 'customer',
      type: 'reference',
      target: 'customer',
      onDelete: 'restrict',
      required: true,
      label: { zh: '客户', en: 'Customer' },
    },
    {
      id: 'f_amount',
      name: 'amount',
      type: 'currency',
      currency: 'CNY',
      min: 0,
      label: { zh: '金额', en: 'Amount' },
    },
    {
      id: 'f_stage',
      name: 'stage',
      type: 'stage',
      label: { zh: '阶段', en: 'Stage' },
      stages: [
        { value: 'lead', label: { zh: '线索', en: 'Lead' } },
        { value: 'qualified', label: { zh: '已确认', en: 'Qualified' } },
        { value: 'proposal', label: { zh: '方案报价', en: 'Proposal' } },
        { value: 'negotiation', label: { zh: '商务谈判', en: 'Negotiation' } },
        { value: 'won', label: { zh: '赢单', en: 'Won' } },
        { value: 'lost', label: { zh: '输单', en: 'Lost' } },
      ],
    },
    {
      id: 'f_probability',
      name: 'probability',
      type: 'percent',
      min: 0,
      max: 100,
      label: { zh: '赢率', en: 'Probability' },
    },
    {
      id: 'f_expected_close',
      name: 'expected_close',
      type: 'date',
      label: { zh: '预计成交日期', en: 'Expected close' },
    },
    {
      id: 'f_weighted',
      name: 'weighted_amount',
      type: 'formula',
      resultType: 'number',
      expression: { '/': [{ '*': [{ var: 'amount' }, { var: 'probability' }] }, 100] },
      label: { zh: '加权金额', en: 'Weighted amount' },
    },
    {
      id: 'region',
      name: 'region',
      type: 'select',
      options: DEMO_REGIONS,
      label: { zh: '区域', en: 'Region' },
    },
    { id: 'owner', name: 'owner', type: 'user', label: { zh: '负责人', en: 'Owner' } },
  ],
};

const ALL_RIGHTS: RoleDoc['entities'][string]['rights'] = [
  'create',
  'read',
  'update',
  'delete',
  'export',
  'import',
];
const role = (
  name: string,
  zh: string,
  en: string,
  entities: RoleDoc['entities'],
  designer = false,
): RoleDoc => ({
  kind: 'role',
  schemaVersion: 1,
  name,
  label: { zh, en },
  ...(designer ? { designer } : {}),
  entities,
});
const region = { type: 'region' } as const;
const all = { type: 'all' } as const;

/** The demo personas' roles (the pack has the full set): sales see their region, the rest read all. */
const roles: RoleDoc[] = [
  role('sales', '销售', 'Sales', {
    customer: { rights: ['create', 'read', 'update'], scope: region },
    contact: { rights: ['create', 'read', 'update', 'delete'], scope: region },
    opportunity: { rights: ['create', 'read', 'update', 'delete'], scope: region },
  }),
  role('analyst', '业务分析师', 'Analyst', { '*': { rights: ['read', 'export'], scope: all } }, true),
  role('finance', '财务', 'Finance', { '*': { rights: ['read', 'export'], scope: all } }),
  role('risk', '风控', 'Risk control', { '*': { rights: ['read', 'update', 'export'], scope: all } }),
  role('sales_manager', '销售经理', 'Sales manager', { '*': { rights: ALL_RIGHTS, scope: all } }),
];

/**
 * A first slice of the manufacturing CRM (customer, contact, opportunity), used by demo mode until the
 * pack in templates/manufacturing-crm can be loaded, and by the runtime's own tests.
 */
export function builtinDemoApp(): AppDefinition {
  return {
    id: 'mfg-crm',
    label: { zh: '制造业客户管理', en: 'Manufacturing CRM' },
    schemaVersion: 1,
    documents: structuredClone([customer, contact, opportunity, ...roles]),
  };
}
