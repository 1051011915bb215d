import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { type AppDefinition, createRng, creditCodeCheckChar, type EntityDoc } from '@lattice/engine';
import ExcelJS from 'exceljs';

const t = (zh: string, en: string) => ({ zh, en });
const opts = (pairs: [string, string, string][]) =>
  pairs.map(([value, zh, en]) => ({ value, label: t(zh, en) }));

const INDUSTRY = opts([
  ['machinery', '机械装备', 'Machinery'],
  ['auto_parts', '汽车零部件', 'Auto parts'],
  ['electronics', '电子电器', 'Electronics'],
  ['chemicals', '化工材料', 'Chemicals'],
  ['instruments', '仪器仪表', 'Instruments'],
]);
const OWNERSHIP = opts([
  ['state_owned', '国有企业', 'State-owned'],
  ['private', '民营企业', 'Private'],
  ['foreign', '外资企业', 'Foreign'],
]);
const REGION = opts([
  ['east', '华东', 'East'],
  ['south', '华南', 'South'],
  ['north', '华北', 'North'],
  ['west', '西部', 'West'],
]);
const TIER = opts([
  ['strategic', '战略客户', 'Strategic'],
  ['key', '重点客户', 'Key'],
  ['normal', '普通客户', 'Normal'],
]);
const CITIES = [
  ['江苏', '苏州', '320500'],
  ['浙江', '宁波', '330200'],
  ['广东', '东莞', '441900'],
  ['上海', '上海', '310000'],
  ['山东', '青岛', '370200'],
  ['四川', '成都', '510100'],
] as const;

/** The benchmark's 20-column customer entity (credit code unique and checksum-validated, like the pack). */
export function benchCustomerApp(id: string): AppDefinition {
  const customer = {
    kind: 'entity',
    schemaVersion: 1,
    name: 'customer',
    label: t('客户', 'Customer'),
    titleField: 'name',
    fields: [
      {
        id: 'credit_code',
        name: 'credit_code',
        type: 'text',
        label: t('统一社会信用代码', 'Credit code'),
        unique: true,
        maxLength: 18,
        pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$',
        validations: [
          {
            rule: { credit_code_valid: [{ var: 'credit_code' }] },
            message: t('校验位不正确', 'Bad check character'),
          },
        ],
      },
      {
        id: 'name',
        name: 'name',
        type: 'text',
        label: t('客户名称', 'Name'),
        required: true,
        maxLength: 100,
      },
      { id: 'short_name', name: 'short_name', type: 'text', label: t('简称', 'Short name'), maxLength: 30 },
      { id: 'industry', name: 'industry', type: 'select', label: t('行业', 'Industry'), options: INDUSTRY },
      {
        id: 'ownership',
        name: 'ownership',
        type: 'select',
        label: t('企业性质', 'Ownership'),
        options: OWNERSHIP,
      },
      { id: 'region', name: 'region', type: 'select', label: t('区域', 'Region'), options: REGION },
      { id: 'province', name: 'province', type: 'text', label: t('省份', 'Province'), maxLength: 20 },
      { id: 'city', name: 'city', type: 'text', label: t('城市', 'City'), maxLength: 30 },
      { id: 'address', name: 'address', type: 'text', label: t('地址', 'Address'), maxLength: 200 },
      { id: 'employees', name: 'employees', type: 'integer', label: t('员工人数', 'Employees'), min: 0 },
      {
        id: 'annual_revenue',
        name: 'annual_revenue',
        type: 'currency',
        label: t('年营业额', 'Revenue'),
        currency: 'CNY',
        min: 0,
      },
      {
        id: 'credit_limit',
        name: 'credit_limit',
        type: 'currency',
        label: t('信用额度', 'Credit limit'),
        currency: 'CNY',
        min: 0,
      },
      { id: 'since', name: 'since', type: 'date', label: t('合作起始日期', 'Customer since') },
      { id: 'phone', name: 'phone', type: 'text', label: t('电话', 'Phone'), maxLength: 30 },
      { id: 'email', name: 'email', type: 'email', label: t('邮箱', 'E-mail') },
      { id: 'website', name: 'website', type: 'url', label: t('网站', 'Website') },
      { id: 'vip', name: 'vip', type: 'boolean', label: t('专属支持', 'Dedicated support') },
      { id: 'tier', name: 'tier', type: 'select', label: t('客户等级', 'Tier'), options: TIER },
      {
        id: 'payment_terms',
        name: 'payment_terms',
        type: 'integer',
        label: t('账期（天）', 'Payment terms'),
        min: 0,
        max: 365,
      },
      { id: 'notes', name: 'notes', type: 'longtext', label: t('备注', 'Notes'), maxLength: 4000 },
    ],
  } as unknown as EntityDoc;
  return { id, label: t('导入基准', 'Import bench'), schemaVersion: 1, documents: [customer] };
}

/** Column headers (zh labels, as a Chinese Excel export would have them). */
export const BENCH_HEADERS = [
  '统一社会信用代码',
  '客户名称',
  '简称',
  '行业',
  '企业性质',
  '区域',
  '省份',
  '城市',
  '地址',
  '员工人数',
  '年营业额',
  '信用额度',
  '合作起始日期',
  '电话',
  '邮箱',
  '网站',
  '专属支持',
  '客户等级',
  '账期（天）',
  '备注',
];

/** SQL column types of the COPY baseline's bare table, in header order. */
export const BENCH_COLUMN_TYPES = [
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'integer',
  'numeric',
  'numeric',
  'date',
  'text',
  'text',
  'text',
  'boolean',
  'text',
  'integer',
  'text',
];

/** Row `i` of the deterministic benchmark file (plain values, so COPY can load them as they are). */
function* benchRows(rows: number, seed = 20240501): Generator<(string | number | boolean)[]> {
  const rng = createRng(seed);
  for (let i = 0; i < rows; i++) {
    const [province, city, division] = rng.pick(CITIES);
    const name = `${city}${rng.pick(['精密', '重工', '机电', '电子', '新材料', '智能'])}${String(i).padStart(6, '0')}有限公司`;
    const month = rng.int(1, 12);
    const day = rng.int(1, 28);
    // Unique per row (a random organisation code would repeat among 100,000 rows), valid check character.
    const body = `91${division}${String(i).padStart(8, '0')}0`;
    yield [
      body + creditCodeCheckChar(body),
      name,
      name.slice(0, 8),
      rng.pick(INDUSTRY).label.zh,
      rng.pick(OWNERSHIP).label.zh,
      rng.pick(REGION).label.zh,
      province,
      city,
      `${city}市高新区${rng.int(1, 999)}号`,
      rng.int(10, 5000),
      rng.int(100, 500_000) * 1000,
      rng.int(0, 2000) * 1000,
      `20${String(rng.int(5, 24)).padStart(2, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      `0512-${rng.int(60000000, 69999999)}`,
      `contact${i}@example.cn`,
      `https://www.c${i}.example.cn`,
      rng.next() < 0.2,
      rng.pick(TIER).label.zh,
      rng.pick([30, 45, 60, 90]),
      rng.next() < 0.3 ? '年度框架协议客户' : '',
    ];
  }
}

function csvField(v: string | number | boolean): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes the benchmark rows as UTF-8 CSV (header first). */
export async function writeBenchCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let buf = `${BENCH_HEADERS.join(',')}\n`;
  for (const r of benchRows(rows)) {
    buf += `${r.map(csvField).join(',')}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** Writes the same rows as .xlsx with exceljs's streaming writer (dates as real date cells). */
export async function writeBenchXlsx(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    // Inline strings: a shared-string table of 100,000 distinct names would sit in the writer's memory.
    useSharedStrings: false,
    useStyles: true,
  });
  const ws = wb.addWorksheet('客户');
  ws.addRow(BENCH_HEADERS).commit();
  for (const r of benchRows(rows)) {
    const cells: unknown[] = [...r];
    const [y, m, d] = String(r[12]).split('-').map(Number);
    cells[12] = new Date(Date.UTC(y!, m! - 1, d!));
    const row = ws.addRow(cells);
    row.getCell(13).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
