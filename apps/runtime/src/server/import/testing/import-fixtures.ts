import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { type AppDefinition, type EntityDoc, findEntity } from '@lattice/engine';
import { suggestMapping } from '@lattice/engine/import';
import type { AppStore } from '@lattice/engine/storage';
import ExcelJS from 'exceljs';
import type { ImportStore } from '../import-store';

const t = (zh: string, en: string) => ({ zh, en });

/** A customer/order app like the manufacturing pack's (credit code with checksum validation, references). */
export function importTestApp(id: string): AppDefinition {
  const customer: EntityDoc = {
    kind: 'entity',
    schemaVersion: 1,
    name: 'customer',
    label: t('客户', 'Customer'),
    titleField: 'name',
    uniqueKeys: [['credit_code']],
    fields: [
      {
        id: 'credit_code',
        name: 'credit_code',
        type: 'text',
        label: t('统一社会信用代码', 'Unified social credit code'),
        unique: true,
        maxLength: 18,
        validations: [
          {
            rule: { credit_code_valid: [{ var: 'credit_code' }] },
            message: t('统一社会信用代码校验位不正确', 'The credit code check character is wrong'),
          },
        ],
      },
      {
        id: 'name',
        name: 'name',
        type: 'text',
        label: t('客户名称', 'Customer name'),
        required: true,
        maxLength: 100,
      },
      {
        id: 'industry',
        name: 'industry',
        type: 'select',
        label: t('行业', 'Industry'),
        options: [
          { value: 'machinery', label: t('机械装备', 'Machinery') },
          { value: 'auto_parts', label: t('汽车零部件', 'Auto parts') },
        ],
      },
      { id: 'employees', name: 'employees', type: 'integer', label: t('员工人数', 'Employees'), min: 0 },
      {
        id: 'annual_revenue',
        name: 'annual_revenue',
        type: 'currency',
        label: t('年营业额', 'Annual revenue'),
        currency: 'CNY',
      },
      { id: 'since', name: 'since', type: 'date', label: t('合作起始日期', 'Customer since') },
      { id: 'notes', name: 'notes', type: 'longtext', label: t('备注', 'Notes'), maxLength: 4000 },
    ],
  } as EntityDoc;
  const order: EntityDoc = {
    kind: 'entity',
    schemaVersion: 1,
    name: 'order',
    label: t('订单', 'Order'),
    titleField: 'title',
    fields: [
      { id: 'title', name: 'title', type: 'text', label: t('订单名称', 'Title'), required: true },
      {
        id: 'customer',
        name: 'customer',
        type: 'reference',
        label: t('客户', 'Customer'),
        target: 'customer',
        onDelete: 'restrict',
        required: true,
      },
      { id: 'amount', name: 'amount', type: 'currency', label: t('金额', 'Amount'), currency: 'CNY' },
    ],
  } as EntityDoc;
  return { id, label: t('导入测试', 'Import test'), schemaVersion: 1, documents: [customer, order] };
}

/** Valid GB 32100 credit codes (checksum correct). */
export const CODES = ['91350100M000100Y43', '91320500MA1MXXXX0X', '91110000100000000R'];

/** Writes an .xlsx with the given sheets (cells may be `{ formula, result }`), merges as `A1:B2`. */
export async function writeXlsx(
  path: string,
  sheets: { name: string; rows: unknown[][]; merges?: string[] }[],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(path);
}

/** The first sheet's rows of an .xlsx (cell values, 0-based columns). */
export async function readXlsxRows(path: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: unknown[][] = [];
  wb.worksheets[0]?.eachRow((row) => {
    out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

/** A zip whose one entry (`xl/workbook.xml`) inflates `bytes` of zeros: a zip bomb in miniature. */
export function writeZipBomb(path: string, bytes: number): void {
  const name = Buffer.from('xl/workbook.xml');
  const data = deflateRawSync(Buffer.alloc(bytes), { level: 9 });
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(bytes, 22);
  local.writeUInt16LE(name.length, 26);
  const cen = Buffer.alloc(46);
  cen.writeUInt32LE(0x02014b50, 0);
  cen.writeUInt16LE(20, 4);
  cen.writeUInt16LE(20, 6);
  cen.writeUInt16LE(8, 10);
  cen.writeUInt32LE(data.length, 20);
  cen.writeUInt32LE(bytes, 24);
  cen.writeUInt16LE(name.length, 28);
  cen.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(cen.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  writeFileSync(path, Buffer.concat([local, name, data, cen, name, eocd]));
}

/**
 * Queues an upsert-by-credit-code import of `file` (columns 统一社会信用代码, 客户名称) into the customers
 * of `appId`, as the wizard would, and returns the job id.
 */
export async function queueCustomerCsvImport(
  apps: AppStore,
  store: ImportStore,
  appId: string,
  file: string,
  settings: { onError: 'skip' | 'abort'; perRowTriggers?: boolean },
): Promise<string> {
  const entity = findEntity((await apps.getLive(appId)).definition, 'customer')!;
  const job = await store.create({
    appId,
    entity: 'customer',
    fileName: basename(file),
    filePath: file,
    createdBy: 'u_admin',
  });
  await store.configure(appId, job.id, {
    headerRow: 1,
    mapping: suggestMapping(entity, ['统一社会信用代码', '客户名称']),
    mode: 'upsert',
    key: ['credit_code'],
    ...settings,
  });
  await store.queue(appId, job.id);
  return job.id;
}
