import type { NewUser } from '../auth/user-store';

/** The demo password (demo mode only). */
export const DEMO_PASSWORD = 'demo1234';

/** The demo accounts: one per persona of the manufacturing CRM. */
export const DEMO_USERS: readonly Omit<NewUser, 'password'>[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], department: 'it', region: null },
  { username: 'analyst', displayName: '业务分析师 王敏', roles: ['analyst'], department: 'it', region: null },
  {
    username: 'sales_east',
    displayName: '华东销售 张伟',
    roles: ['sales'],
    department: 'sales_east',
    region: 'east',
  },
  {
    username: 'sales_south',
    displayName: '华南销售 李娜',
    roles: ['sales'],
    department: 'sales_south',
    region: 'south',
  },
  { username: 'risk', displayName: '风控专员 刘洋', roles: ['risk'], department: 'risk', region: null },
  { username: 'finance', displayName: '财务 陈静', roles: ['finance'], department: 'finance', region: null },
];
