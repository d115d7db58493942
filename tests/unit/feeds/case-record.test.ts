import { describe, expect, it } from 'vitest';
import { parseCaseRecord } from '../../../src/feeds/case-record';
import { parseCaseFile } from '../../../src/feeds/case-file';
import { parseColumnMapping } from '../../../src/feeds/mapping';

const good = {
  id: 'C1',
  departmentId: 'D1',
  acceptedAt: '2024-02-04T09:30:00+08:00',
  committedLimitDays: 5,
  statutoryLimitDays: 20,
  completedAt: null,
  suspensions: [{ kind: '补正', startAt: '2024-02-05 10:00:00+00', endAt: null, approvedDays: 3 }],
  dueAt: null,
};

function reasonOf(raw: unknown): string {
  const r = parseCaseRecord(raw);
  if (r.ok) throw new Error('expected a rejection');
  return r.reason;
}

describe('parseCaseRecord', () => {
  it('accepts a JSON record', () => {
    const r = parseCaseRecord(good);
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'C1',
        departmentId: 'D1',
        acceptedAt: Date.UTC(2024, 1, 4, 1, 30),
        committedLimitDays: 5,
        statutoryLimitDays: 20,
        completedAt: null,
        suspensions: [
          { kind: '补正', startAt: Date.UTC(2024, 1, 5, 10), endAt: null, approvedDays: 3 },
        ],
        dueAt: null,
      },
    });
  });

  it('accepts a CSV row of strings (empty = absent, numbers as text, suspensions as a JSON cell)', () => {
    const r = parseCaseRecord({
      id: 'C2',
      departmentId: 'D1',
      acceptedAt: '2024-02-04 01:30:00+00',
      committedLimitDays: '',
      statutoryLimitDays: '20',
      completedAt: '',
      suspensions:
        '[{"kind":"鉴定","startAt":"2024-02-05T09:00:00+08:00","endAt":"2024-02-06T09:00:00+08:00","approvedDays":"2"}]',
      dueAt: '',
    });
    expect(r.ok && r.value).toMatchObject({
      id: 'C2',
      committedLimitDays: null,
      statutoryLimitDays: 20,
      completedAt: null,
      suspensions: [{ kind: '鉴定', approvedDays: 2 }],
    });
  });

  it('reads mapped columns', () => {
    const mapping = parseColumnMapping({ columns: { id: '办件编号', acceptedAt: '受理时间' } });
    expect(mapping.ok).toBe(true);
    if (!mapping.ok) return;
    const r = parseCaseRecord(
      { 办件编号: 'X', departmentId: 'D', 受理时间: '2024-02-04', committedLimitDays: '0' },
      mapping.value,
    );
    expect(r.ok && r.value.id).toBe('X');
  });

  it.each([
    [{ ...good, id: '' }, '缺少办件编号 (id missing)'],
    [{ ...good, id: { x: 1 } }, '办件编号无效'],
    [{ ...good, departmentId: null }, 'departmentId missing'],
    [{ ...good, acceptedAt: undefined }, '缺少受理时间 (acceptedAt missing)'],
    [
      { ...good, acceptedAt: '2024-02-30T09:00' },
      "受理时间无法解析 (acceptedAt unparseable: '2024-02-30T09:00')",
    ],
    [{ ...good, acceptedAt: 1707010200000 }, 'acceptedAt unparseable'],
    [
      { ...good, committedLimitDays: null, statutoryLimitDays: null },
      'no committedLimitDays, statutoryLimitDays or dueAt',
    ],
    [{ ...good, committedLimitDays: -2 }, '承诺时限为负数'],
    [{ ...good, statutoryLimitDays: 2.5 }, '法定时限须为整数个工作日'],
    [{ ...good, committedLimitDays: 30 }, 'committedLimitDays 30 > statutoryLimitDays 20'],
    [{ ...good, completedAt: '2024-02-03T09:00:00+08:00' }, '办结时间早于受理时间'],
    [{ ...good, completedAt: 'soon' }, 'completedAt unparseable'],
    [{ ...good, dueAt: '2024-02-01T00:00:00Z' }, 'dueAt'],
    [{ ...good, suspensions: 'not json' }, 'suspensions is not a JSON array'],
    [{ ...good, suspensions: { kind: 'x' } }, 'suspensions must be an array'],
    [{ ...good, suspensions: [{ kind: 'x' }] }, 'suspensions[0].startAt missing'],
    [
      { ...good, suspensions: [{ kind: 'x', startAt: '2024-02-06', endAt: '2024-02-05' }] },
      '暂停结束早于开始',
    ],
    [
      { ...good, suspensions: [{ kind: 'x', startAt: '2024-02-06', approvedDays: -1 }] },
      'approvedDays is negative',
    ],
    ['a string', '记录不是对象'],
    [[1, 2], '记录不是对象'],
  ])('rejects bad record %# with a readable reason', (raw, fragment) => {
    expect(reasonOf(raw)).toContain(fragment);
  });

  it('keeps the id of a rejected record when it has one', () => {
    expect(parseCaseRecord({ ...good, acceptedAt: 'x' })).toMatchObject({ ok: false, id: 'C1' });
  });
});

describe('parseColumnMapping', () => {
  it.each([
    [[], 'JSON 对象'],
    [{ columns: [] }, 'columns'],
    [{ columns: { caseNo: 'x' } }, "未知字段 'caseNo'"],
    [{ columns: { id: '' } }, '非空'],
    [{ columns: { id: 'A', departmentId: 'A' } }, "列 'A' 同时映射"],
  ])('rejects %j', (raw, fragment) => {
    const m = parseColumnMapping(raw);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.reason).toContain(fragment);
  });
});

describe('parseCaseFile', () => {
  it('rejects duplicate ids after the first and rows with the wrong number of cells', () => {
    const csv =
      'id,departmentId,acceptedAt,committedLimitDays\nA,D,2024-02-05,5\nA,D,2024-02-06,5\nB,D,2024-02-05\nC,D,2024-02-05,1\n';
    const r = parseCaseFile(csv, 'csv');
    expect(r.cases.map((c) => [c.index, c.value.id])).toEqual([
      [0, 'A'],
      [3, 'C'],
    ]);
    expect(r.rejected).toEqual([
      {
        index: 1,
        id: 'A',
        // 1-based record number, as the CLI prints and the rejection tables count.
        reason: '办件编号重复，与第 1 条记录相同 (duplicate id, same as record 1)',
      },
      { index: 2, id: null, reason: '第 4 行有 3 列，表头有 4 列 (row has 3 cells, header has 4)' },
    ]);
  });

  it('reports an NDJSON line that is not JSON and goes on', () => {
    const r = parseCaseFile(
      '{"id":"A","departmentId":"D","acceptedAt":"2024-02-05","committedLimitDays":1}\n{oops\n',
      'ndjson',
    );
    expect(r.cases).toHaveLength(1);
    expect(r.rejected).toEqual([
      { index: 1, id: null, reason: '第 2 行不是有效的 JSON (line 2 is not valid JSON)' },
    ]);
  });
});
