import type { EntityDoc, FormDoc } from '@lattice/engine';

/** An equipment-ledger entity touching the interesting field types, for tests. */
export const sampleEntity: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'equipment',
  label: { zh: '设备台账', en: 'Equipment' },
  titleField: 'serial_no',
  fields: [
    {
      id: 'f1',
      name: 'serial_no',
      type: 'text',
      label: { zh: '序列号', en: 'Serial number' },
      required: true,
      maxLength: 20,
    },
    { id: 'f2', name: 'installed_on', type: 'date', label: { zh: '安装日期', en: 'Install date' } },
    {
      id: 'f3',
      name: 'interval_days',
      type: 'integer',
      label: { zh: '保养周期', en: 'Maintenance interval' },
      min: 1,
    },
    {
      id: 'f4',
      name: 'status',
      type: 'select',
      label: { zh: '状态', en: 'Status' },
      options: [
        { value: 'running', label: { zh: '运行', en: 'Running' } },
        { value: 'down', label: { zh: '停机', en: 'Down' } },
      ],
    },
    { id: 'f5', name: 'down_reason', type: 'longtext', label: { zh: '停机原因', en: 'Downtime reason' } },
    {
      id: 'f6',
      name: 'customer',
      type: 'reference',
      target: 'customer',
      onDelete: 'restrict',
      label: { zh: '客户', en: 'Customer' },
    },
    { id: 'f7', name: 'price', type: 'currency', label: { zh: '价格', en: 'Price' } },
    { id: 'f8', name: 'qty', type: 'integer', label: { zh: '数量', en: 'Quantity' } },
    { id: 'f9', name: 'total', type: 'number', label: { zh: '合计', en: 'Total' } },
    {
      id: 'f10',
      name: 'margin',
      type: 'percent',
      label: { zh: '毛利率', en: 'Margin' },
      validations: [
        { rule: { '<=': [{ var: 'margin' }, 80] }, message: { zh: '毛利率过高', en: 'Margin too high' } },
      ],
    },
    { id: 'f11', name: 'warranty', type: 'boolean', label: { zh: '保修', en: 'Warranty' } },
    { id: 'f12', name: 'code', type: 'autonumber', pattern: 'EQ-{0000}', label: { zh: '编号', en: 'Code' } },
  ],
};

/** Two sections on two tabs with conditions and computed values over {@link sampleEntity}. */
export const sampleForm: FormDoc = {
  kind: 'form',
  schemaVersion: 1,
  name: 'equipment_form',
  entity: 'equipment',
  label: { zh: '设备', en: 'Equipment' },
  tabs: [
    { id: 't1', title: { zh: '基本', en: 'Basics' } },
    { id: 't2', title: { zh: '商务', en: 'Commercial' } },
  ],
  sections: [
    {
      id: 's1',
      title: { zh: '基本信息', en: 'Basics' },
      columns: 2,
      tab: 't1',
      items: [
        { id: 'i1', field: 'serial_no' },
        { id: 'i2', field: 'installed_on' },
        { id: 'i3', field: 'interval_days', defaultValue: 90 },
        { id: 'i4', field: 'status' },
        {
          id: 'i5',
          field: 'down_reason',
          span: 2,
          visibleWhen: { '==': [{ var: 'status' }, 'down'] },
          requiredWhen: { '==': [{ var: 'status' }, 'down'] },
        },
        { id: 'i6', field: 'customer' },
        { id: 'i12', field: 'code' },
      ],
    },
    {
      id: 's2',
      title: { zh: '商务', en: 'Commercial' },
      columns: 2,
      tab: 't2',
      items: [
        { id: 'i7', field: 'price' },
        { id: 'i8', field: 'qty' },
        { id: 'i9', field: 'total', compute: { '*': [{ var: 'price' }, { var: 'qty' }] } },
        { id: 'i10', field: 'margin', readonlyWhen: { '!': { var: 'price' } } },
        { id: 'i11', field: 'warranty' },
      ],
    },
  ],
};
