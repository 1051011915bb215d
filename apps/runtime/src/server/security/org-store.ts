import type { Clock, LatticeDb } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { DEPARTMENTS_TABLE, REGIONS_TABLE } from './migrate-security-schema';

export interface Department {
  code: string;
  name: { zh: string; en: string };
  parent: string | null;
}

export interface Region {
  code: string;
  name: { zh: string; en: string };
}

/** Departments (a tree) and regions, the units record scopes refer to. */
export interface OrgStore {
  listDepartments(): Promise<Department[]>;
  /** Inserts or updates one department; a parent that would create a cycle is refused by the caller. */
  saveDepartment(d: Department): Promise<void>;
  deleteDepartment(code: string): Promise<boolean>;
  /** `code` and every department below it (recursive). */
  departmentsBelow(code: string): Promise<string[]>;
  listRegions(): Promise<Region[]>;
  saveRegion(r: Region): Promise<void>;
  deleteRegion(code: string): Promise<boolean>;
}

export function createOrgStore(db: LatticeDb, clock: Clock): OrgStore {
  const k = db.kysely;
  return {
    async listDepartments() {
      const rows = await k.selectFrom(DEPARTMENTS_TABLE).selectAll().orderBy('code').execute();
      return rows.map((r) => ({
        code: String(r.code),
        name: { zh: String(r.name_zh), en: String(r.name_en) },
        parent: (r.parent as string | null) ?? null,
      }));
    },
    async saveDepartment(d) {
      await k
        .insertInto(DEPARTMENTS_TABLE)
        .values({
          code: d.code,
          name_zh: d.name.zh,
          name_en: d.name.en,
          parent: d.parent,
          created_at: clock.now(),
        })
        .onConflict((oc) =>
          oc.column('code').doUpdateSet({ name_zh: d.name.zh, name_en: d.name.en, parent: d.parent }),
        )
        .execute();
    },
    async deleteDepartment(code) {
      const r = await k.deleteFrom(DEPARTMENTS_TABLE).where('code', '=', code).executeTakeFirst();
      await k.updateTable(DEPARTMENTS_TABLE).set({ parent: null }).where('parent', '=', code).execute();
      return Number(r.numDeletedRows) > 0;
    },
    async departmentsBelow(code) {
      const rows = await sql<{ code: string }>`
        with recursive below(code) as (
          select ${code}::text
          union
          select d.code from ${sql.table(DEPARTMENTS_TABLE)} d join below b on d.parent = b.code
        )
        select code from below`.execute(k);
      return rows.rows.map((r) => r.code);
    },
    async listRegions() {
      const rows = await k.selectFrom(REGIONS_TABLE).selectAll().orderBy('code').execute();
      return rows.map((r) => ({
        code: String(r.code),
        name: { zh: String(r.name_zh), en: String(r.name_en) },
      }));
    },
    async saveRegion(r) {
      await k
        .insertInto(REGIONS_TABLE)
        .values({ code: r.code, name_zh: r.name.zh, name_en: r.name.en, created_at: clock.now() })
        .onConflict((oc) => oc.column('code').doUpdateSet({ name_zh: r.name.zh, name_en: r.name.en }))
        .execute();
    },
    async deleteRegion(code) {
      const r = await k.deleteFrom(REGIONS_TABLE).where('code', '=', code).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
