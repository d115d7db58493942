/**
 * Every message table of the SPA has both languages with the same keys and placeholders, and the
 * English side has no Chinese — the tables are found by reading the sources, so a new feature's
 * table is checked without being listed here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { messageTables, type MessageTable } from '../../../src/i18n';
import { zhCN } from '../../../src/i18n/zh-cn';

const SRC = resolve(import.meta.dirname, '../../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const definers = sourceFiles(SRC).filter(
  (f) =>
    !f.endsWith(join('i18n', 'index.ts')) && readFileSync(f, 'utf8').includes('defineMessages('),
);

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]/;
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

/** Every way a table can be wrong, one line each. */
export function tableProblems(table: MessageTable): string[] {
  const problems: string[] = [];
  const zhKeys = Object.keys(table.zh).sort();
  const enKeys = Object.keys(table.en).sort();
  for (const k of zhKeys) if (!(k in table.en)) problems.push(`${k}: no English`);
  for (const k of enKeys) if (!(k in table.zh)) problems.push(`${k}: no Chinese`);
  for (const k of zhKeys) {
    const zh = table.zh[k] ?? '';
    const english = table.en[k];
    if (english === undefined) continue;
    if (CJK.test(english)) problems.push(`${k}: Chinese in English text "${english}"`);
    if (placeholders(zh).join() !== placeholders(english).join())
      problems.push(`${k}: placeholders differ "${zh}" / "${english}"`);
    if (zh === '' || english === '') problems.push(`${k}: empty`);
  }
  return problems;
}

describe('message tables', () => {
  it('finds the tables: every module that defines one registers one', async () => {
    expect(definers.length).toBeGreaterThan(10);
    for (const f of definers) await import(pathToFileURL(f).href);
    // Each module defines at least one table (a module loaded by an earlier one counts there).
    expect(messageTables.length).toBeGreaterThanOrEqual(definers.length);
  });

  it('has both languages with the same keys and placeholders, and no Chinese in English', () => {
    const problems = [
      ...tableProblems({ zh: zhCN, en }).map((p) => `i18n/zh-cn.ts: ${p}`),
      ...messageTables.flatMap((t, i) => tableProblems(t).map((p) => `table ${i}: ${p}`)),
    ];
    expect(problems).toEqual([]);
  });

  it('reports a table that is wrong (the check can fail)', () => {
    expect(
      tableProblems({
        zh: { a: '共 {n} 件', b: '标题' },
        en: { a: '{count} cases', c: 'Title（Q3）' },
      }),
    ).toEqual([
      'b: no English',
      'c: no Chinese',
      'a: placeholders differ "共 {n} 件" / "{count} cases"',
    ]);
  });
});
