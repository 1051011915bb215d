import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';

const label = (zh: string, en: string) => ({ zh, en });

/** A customer-ish entity with one field of every interesting type (tests only). */
export const sampleEntity: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'customer',
  label: label('客户', 'Customer'),
  titleField: 'name',
  fields: [
    { type: 'text', id: 'f_name', name: 'name', label: label('名称', 'Name'), required: true, maxLength: 10 },
    { type: 'text', id: 'f_code', name: 'code', label: label('编码', 'Code'), pattern: '[A-Z]{2}\\d{4}' },
    { type: 'longtext', id: 'f_memo', name: 'memo', label: label('备注', 'Memo') },
    { type: 'number', id: 'f_rev', name: 'revenue', label: label('营收', 'Revenue'), min: 0, precision: 2 },
    { type: 'integer', id: 'f_staff', name: 'staff', label: label('人数', 'Staff'), min: 1, max: 100000 },
    { type: 'currency', id: 'f_credit', name: 'credit', label: label('信用额度', 'Credit') },
    { type: 'rating', id: 'f_stars', name: 'stars', label: label('评级', 'Stars'), max: 5 },
    { type: 'date', id: 'f_signed', name: 'signed_on', label: label('签约日期', 'Signed on') },
    { type: 'datetime', id: 'f_visit', name: 'visited_at', label: label('拜访时间', 'Visited at') },
    { type: 'boolean', id: 'f_vip', name: 'vip', label: label('VIP', 'VIP') },
    {
      type: 'select',
      id: 'f_level',
      name: 'level',
      label: label('等级', 'Level'),
      default: 'B',
      options: [
        { value: 'A', label: label('A', 'A') },
        { value: 'B', label: label('B', 'B') },
      ],
    },
    {
      type: 'multiselect',
      id: 'f_lines',
      name: 'lines',
      label: label('产品线', 'Lines'),
      options: [
        { value: 'pump', label: label('泵', 'Pump') },
        { value: 'valve', label: label('阀', 'Valve') },
      ],
    },
    { type: 'email', id: 'f_email', name: 'email', label: label('邮箱', 'Email') },
    { type: 'phone', id: 'f_phone', name: 'phone', label: label('电话', 'Phone') },
    { type: 'url', id: 'f_site', name: 'website', label: label('网址', 'Website') },
    {
      type: 'reference',
      id: 'f_parent',
      name: 'parent',
      label: label('上级', 'Parent'),
      target: 'customer',
      onDelete: 'set_null',
    },
    { type: 'user', id: 'owner', name: 'sales_owner', label: label('负责人', 'Owner') },
    {
      type: 'file',
      id: 'f_docs',
      name: 'docs',
      label: label('附件', 'Docs'),
      multiple: true,
      accept: ['.pdf'],
      maxSizeMb: 1,
    },
    { type: 'image', id: 'f_logo', name: 'logo', label: label('标志', 'Logo') },
    { type: 'geo', id: 'f_geo', name: 'location', label: label('位置', 'Location') },
    {
      type: 'tags',
      id: 'f_tags',
      name: 'tags',
      label: label('标签', 'Tags'),
      tree: [
        {
          value: 'east',
          label: label('华东', 'East'),
          children: [{ value: 'sh', label: label('上海', 'Shanghai') }],
        },
      ],
    },
    {
      type: 'stage',
      id: 'f_stage',
      name: 'stage',
      label: label('阶段', 'Stage'),
      stages: [
        { value: 'lead', label: label('线索', 'Lead') },
        { value: 'deal', label: label('商机', 'Deal'), requiredToLeave: ['contract'] },
        { value: 'won', label: label('赢单', 'Won') },
      ],
      transitions: { lead: ['deal'], deal: ['won', 'lead'] },
    },
    { type: 'file', id: 'f_contract', name: 'contract', label: label('合同', 'Contract') },
    { type: 'json', id: 'f_extra', name: 'extra', label: label('扩展', 'Extra') },
    {
      type: 'date',
      id: 'f_end',
      name: 'ends_on',
      label: label('到期日', 'Ends on'),
      validations: [
        {
          rule: { '>=': [{ var: 'ends_on' }, { var: 'signed_on' }] },
          message: label('到期日不能早于签约日期', 'must not be before the signing date'),
        },
      ],
    },
    {
      type: 'formula',
      id: 'f_total',
      name: 'total',
      label: label('合计', 'Total'),
      resultType: 'number',
      expression: { '+': [{ var: 'revenue' }, { var: 'credit' }] },
    },
    { type: 'autonumber', id: 'f_no', name: 'no', label: label('编号', 'No.'), pattern: 'CUS-{yyyy}-{0000}' },
    { type: 'text', id: 'f_secret', name: 'secret', label: label('密', 'Secret'), sensitive: true },
    { type: 'text', id: 'f_ro', name: 'legacy', label: label('旧编码', 'Legacy'), readonly: true },
  ] satisfies Field[],
};

/** A valid file reference. */
export const pdf = { id: 'u1', name: '合同.pdf', size: 1024, mime: 'application/pdf' };
