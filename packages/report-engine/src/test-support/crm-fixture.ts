import type { AppDefinition, EntityDoc, Field } from '@lattice/engine';

const t = (zh: string, en: string) => ({ zh, en });
const options = (...values: string[]) => values.map((v) => ({ value: v, label: t(v, v) }));

const customers: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'customers',
  label: t('客户', 'Customers'),
  titleField: 'name',
  fields: [
    { id: 'f_name', name: 'name', type: 'text', label: t('名称', 'Name') },
    {
      id: 'region',
      name: 'region',
      type: 'select',
      label: t('区域', 'Region'),
      options: options('华东', '华南', '华北'),
    },
    { id: 'f_level', name: 'level', type: 'select', label: t('等级', 'Level'), options: options('A', 'B') },
    { id: 'f_phone', name: 'phone', type: 'phone', label: t('电话', 'Phone'), sensitive: true },
    {
      id: 'f_parent',
      name: 'parent',
      type: 'reference',
      label: t('上级客户', 'Parent'),
      target: 'customers',
      onDelete: 'set_null',
    },
    {
      id: 'f_tags',
      name: 'tags',
      type: 'multiselect',
      label: t('标签', 'Tags'),
      options: options('vip', 'new'),
    },
  ],
};

const orders: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'orders',
  label: t('订单', 'Orders'),
  titleField: 'order_no',
  fields: [
    { id: 'f_no', name: 'order_no', type: 'text', label: t('订单号', 'Order no') },
    {
      id: 'f_customer',
      name: 'customer',
      type: 'reference',
      label: t('客户', 'Customer'),
      target: 'customers',
      onDelete: 'restrict',
    },
    { id: 'f_date', name: 'order_date', type: 'date', label: t('下单日期', 'Order date') },
    { id: 'f_amount', name: 'amount', type: 'currency', label: t('金额', 'Amount') },
    { id: 'f_qty', name: 'quantity', type: 'integer', label: t('数量', 'Quantity') },
    {
      id: 'f_status',
      name: 'status',
      type: 'select',
      label: t('状态', 'Status'),
      options: options('won', 'lost', 'open'),
    },
    { id: 'f_closed', name: 'closed_at', type: 'datetime', label: t('成交时间', 'Closed at') },
    { id: 'f_repeat', name: 'is_repeat', type: 'boolean', label: t('复购', 'Repeat') },
    { id: 'f_note', name: 'note', type: 'json', label: t('备注', 'Note') },
  ],
};

const orderLines: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'order_lines',
  label: t('订单行', 'Order lines'),
  titleField: 'product',
  fields: [
    {
      id: 'f_order',
      name: 'order',
      type: 'reference',
      label: t('订单', 'Order'),
      target: 'orders',
      onDelete: 'cascade',
    },
    { id: 'f_product', name: 'product', type: 'text', label: t('产品', 'Product') },
    { id: 'f_line_qty', name: 'qty', type: 'integer', label: t('数量', 'Qty') },
  ],
};

/** A small manufacturing CRM: customers ← orders ← order lines (two reference hops). */
export const crmApp: AppDefinition = {
  id: 'mfg-crm',
  label: t('制造业 CRM', 'Manufacturing CRM'),
  schemaVersion: 1,
  documents: [customers, orders, orderLines],
};

export interface CustomerRow {
  id: string;
  name: string;
  region: string | null;
  level: string;
  parent: string | null;
  owner: string;
}
export interface OrderRow {
  id: string;
  customer: string | null;
  order_date: string;
  amount: number;
  quantity: number;
  status: 'won' | 'lost' | 'open';
  closed_at: string | null;
  is_repeat: boolean;
  owner: string;
  deleted: boolean;
}
export interface OrderLineRow {
  id: string;
  order: string;
  product: string;
  qty: number;
}

const uuid = (prefix: number, n: number) =>
  `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Deterministic seed: 6 customers, 40 orders over 2025-2026 (one soft-deleted), 2 lines per order. */
export function crmSeed(): { customers: CustomerRow[]; orders: OrderRow[]; lines: OrderLineRow[] } {
  const regions = ['华东', '华南', '华北', '华东', null, '华南'];
  const customers: CustomerRow[] = regions.map((region, i) => ({
    id: uuid(1, i),
    name: `客户${i}`,
    region,
    level: i % 2 === 0 ? 'A' : 'B',
    parent: i > 2 ? uuid(1, i - 3) : null,
    owner: i < 3 ? 'alice' : 'bob',
  }));
  const statuses = ['won', 'lost', 'open', 'won', 'won'] as const;
  const orders: OrderRow[] = Array.from({ length: 40 }, (_, i) => {
    const month = (i * 7) % 18; // spread over 18 months from 2025-01
    const year = 2025 + Math.floor(month / 12);
    const m = (month % 12) + 1;
    const day = (i % 27) + 1;
    const status = statuses[i % 5]!;
    return {
      id: uuid(2, i),
      customer: i % 13 === 12 ? null : uuid(1, i % 6),
      order_date: `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      amount: 1000 + ((i * 373) % 900) + (i % 4) * 0.25,
      quantity: 1 + (i % 9),
      status,
      closed_at:
        status === 'won'
          ? `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00.000Z`
          : null,
      is_repeat: i % 3 === 0,
      owner: i % 2 === 0 ? 'alice' : 'bob',
      deleted: i === 7,
    };
  });
  const lines: OrderLineRow[] = orders.flatMap((o, i) => [
    { id: uuid(3, i * 2), order: o.id, product: i % 2 === 0 ? '轴承' : '齿轮', qty: 1 + (i % 3) },
    { id: uuid(3, i * 2 + 1), order: o.id, product: '螺栓', qty: 10 },
  ]);
  return { customers, orders, lines };
}

export type { Field };
