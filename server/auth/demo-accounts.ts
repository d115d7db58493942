/**
 * The demo's accounts, one per role (README "演示账号"). Seeded only when the service is started
 * with `--demo-accounts` / `demoAccounts: true`: a real deployment never gets known passwords.
 */
import type { Database } from '../store/database';
import type { Role } from '../http/viewer';
import { addUser } from './users';

export interface DemoAccount {
  name: string;
  role: Role;
  departmentId: string | null;
  password: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { name: 'admin', role: 'admin', departmentId: null, password: 'demo-admin-2026' },
  { name: 'supervisor', role: 'supervisor', departmentId: null, password: 'demo-supervisor-2026' },
  { name: 'leader', role: 'leader', departmentId: null, password: 'demo-leader-2026' },
  // 交通运输局 (a 市直部门) and 云湖区 (a 区县 with two 街道: Z01 湖滨街道, Z02 南湖街道).
  { name: 'liaison-d13', role: 'liaison', departmentId: 'D13', password: 'demo-liaison-2026' },
  { name: 'liaison-x01', role: 'liaison', departmentId: 'X01', password: 'demo-liaison-2026' },
];

/** Adds the demo accounts that do not exist yet; returns the names added. */
export async function seedDemoAccounts(db: Database, now: number): Promise<string[]> {
  const added: string[] = [];
  for (const a of DEMO_ACCOUNTS) if (await addUser(db, a, 'demo', now)) added.push(a.name);
  return added;
}
