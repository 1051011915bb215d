import type { Department } from '../security/org-store';
import type { ServerContext } from '../server-context';

/** The demo's department tree: the units the demo and pack users belong to (销售部 / 华东组 …). */
export const DEMO_DEPARTMENTS: readonly Department[] = [
  { code: 'it', name: { zh: '信息部', en: 'IT' }, parent: null },
  { code: 'sales', name: { zh: '销售部', en: 'Sales' }, parent: null },
  { code: 'sales_east', name: { zh: '华东组', en: 'East team' }, parent: 'sales' },
  { code: 'sales_south', name: { zh: '华南组', en: 'South team' }, parent: 'sales' },
  { code: 'sales_north', name: { zh: '华北组', en: 'North team' }, parent: 'sales' },
  { code: 'service', name: { zh: '服务部', en: 'Service' }, parent: null },
  { code: 'engineering', name: { zh: '研发部', en: 'Engineering' }, parent: null },
  { code: 'finance', name: { zh: '财务部', en: 'Finance' }, parent: null },
  { code: 'risk', name: { zh: '风控部', en: 'Risk' }, parent: null },
];

/** Adds the demo departments that are missing; departments an admin added or renamed are kept. */
export async function ensureDemoDepartments(ctx: ServerContext): Promise<void> {
  const existing = new Set((await ctx.org.listDepartments()).map((d) => d.code));
  for (const department of DEMO_DEPARTMENTS) {
    if (!existing.has(department.code)) await ctx.org.saveDepartment(department);
  }
}
