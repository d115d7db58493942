/**
 * `users add|list|disable`: accounts from the command line (the first administrator is created
 * here). The password is read from standard input, one line, so it never appears in the process
 * list, the shell history or a log. Every change is written to the audit log as user `cli`.
 */
import { appendAudit } from '../../server/auth/audit';
import { passwordProblem } from '../../server/auth/password';
import { addUser, disableUser, listUsers, newUserProblem } from '../../server/auth/users';
import { ROLES, type Role } from '../../server/http/viewer';
import { openStore } from '../../server/main';
import type { Database } from '../../server/store/database';
import { CliUsageError, parseOptions, type CliCommand } from './common';

function required(opts: Map<string, string>, name: string): string {
  const v = opts.get(name);
  if (v === undefined) throw new CliUsageError(`缺少 --${name} (missing --${name})`);
  return v;
}

/** The first line of standard input, without its line ending. */
async function readPasswordLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('密码 (password, one line): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    if (Buffer.concat(chunks).includes(0x0a)) break;
  }
  return (Buffer.concat(chunks).toString('utf8').split('\n')[0] ?? '').replace(/\r$/, '');
}

/** Whether a department id is among the synced departments (any id while none are synced yet). */
async function departmentKnown(db: Database, id: string): Promise<boolean> {
  const rows = await db.all(
    `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE id = $1)::INTEGER AS hit
       FROM raw_records WHERE resource = 'departments'`,
    [id],
  );
  const r = rows[0];
  return Number(r?.['n'] ?? 0) === 0 || Number(r?.['hit'] ?? 0) > 0;
}

async function withStore<T>(path: string, body: (db: Database) => Promise<T>): Promise<T> {
  const db = await openStore(path);
  try {
    return await body(db);
  } finally {
    await db.close();
  }
}

async function add(args: string[]): Promise<number> {
  const opts = parseOptions(args, ['db', 'name', 'role', 'department']);
  const roleText = required(opts, 'role');
  const role = ROLES.find((r): r is Role => r === roleText);
  if (role === undefined) throw new CliUsageError(`--role 应为 ${ROLES.join('|')}`);
  const user = { name: required(opts, 'name'), role, departmentId: opts.get('department') ?? null };
  const problem = newUserProblem(user);
  if (problem !== null) throw new CliUsageError(problem);
  const password = await readPasswordLine();
  const weak = passwordProblem(password);
  if (weak !== null) {
    process.stderr.write(`users add: ${weak}\n`);
    return 1;
  }
  return withStore(required(opts, 'db'), async (db) => {
    if (user.departmentId !== null && !(await departmentKnown(db, user.departmentId))) {
      process.stderr.write(`users add: 没有部门 ${user.departmentId} (unknown department)\n`);
      return 1;
    }
    if (!(await addUser(db, { ...user, password }, 'cli', Date.now()))) {
      process.stderr.write(`users add: 用户名已存在 (name taken): ${user.name}\n`);
      return 1;
    }
    const entry = { userName: 'cli', role: null, address: 'cli', action: 'user-create' as const };
    await appendAudit(db, { ...entry, detail: { ...user } }, Date.now());
    process.stdout.write(`${JSON.stringify({ added: user })}\n`);
    return 0;
  });
}

async function list(args: string[]): Promise<number> {
  const opts = parseOptions(args, ['db']);
  return withStore(required(opts, 'db'), async (db) => {
    const users = await listUsers(db);
    process.stdout.write(`${JSON.stringify({ users })}\n`);
    return 0;
  });
}

async function disable(args: string[]): Promise<number> {
  const opts = parseOptions(args, ['db', 'name']);
  const name = required(opts, 'name');
  return withStore(required(opts, 'db'), async (db) => {
    if (!(await disableUser(db, name))) {
      process.stderr.write(`users disable: 没有该用户 (no such user): ${name}\n`);
      return 1;
    }
    const entry = { userName: 'cli', role: null, address: 'cli', action: 'user-disable' as const };
    await appendAudit(db, { ...entry, detail: { name } }, Date.now());
    process.stdout.write(`${JSON.stringify({ disabled: name })}\n`);
    return 0;
  });
}

export const usersCommand: CliCommand = {
  summary: '账号管理：新建、列出、停用 (accounts)',
  usage: `users add --db FILE --name NAME --role admin|supervisor|leader|liaison [--department ID]
  从标准输入读取密码（一行，至少 10 个字符）
users list --db FILE          输出 JSON（不含密码散列）
users disable --db FILE --name NAME   停用并结束其全部会话`,
  run(args) {
    const [sub, ...rest] = args;
    if (sub === 'add') return add(rest);
    if (sub === 'list') return list(rest);
    if (sub === 'disable') return disable(rest);
    throw new CliUsageError(`未知子命令 '${sub ?? ''}' (expected add, list or disable)`);
  },
};
