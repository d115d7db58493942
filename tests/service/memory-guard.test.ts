/**
 * The memory guard through the service (issue 18 item 4): a dataset too big for the heap is kept
 * but never evaluated into an out-of-memory crash. The budget is injected (the guard's heap
 * reader), so nothing allocates gigabytes:
 * - an import over it answers 507 `insufficient_memory` on every sourced read (driven from the
 *   route table), with rows, need, limit and the remedy; its report says so; the city still answers;
 * - a city recompute over it keeps the last good figures and the sync status says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../server/http/routes';
import { estimateEvaluationBytes } from '../../server/jobs/memory-guard';
import { apiErrorSchema } from '../../src/contract/api-error';
import { importList, importReport, sourcesResponse } from '../../src/contract/imports';
import { syncStatusResponse } from '../../src/contract/service';
import { signedIn, startTestServer, type Client, type TestServer } from './harness';

const HEADER = 'id,departmentId,acceptedAt,committedLimitDays,statutoryLimitDays,completedAt';
const FILE =
  [
    HEADER,
    ...Array.from(
      { length: 30 },
      (_, i) =>
        `M${i},D0${(i % 3) + 1},2026-08-${String((i % 27) + 1).padStart(2, '0')} 09:00,5,10,`,
    ),
  ].join('\n') + '\n';

/** A heap of 16 KB with nothing in use: the 8,000-case city and a 30-row file are both too big. */
const TINY = () => ({ limitBytes: 16 * 1024, usedBytes: 0 });

let server: TestServer;
let admin: Client;
let realHeap: TestServer['service']['memory']['readHeap'];

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server.url, 't-admin');
  realHeap = server.service.memory.readHeap;
}, 120_000);

afterAll(async () => {
  await server?.cleanup();
});

function requestOf(url: string, source: string): string {
  const path = url.replace(':id', 'M1').replace(':quarter', '2026Q3');
  const q = new URLSearchParams({ source, period: '2026Q3', quarter: '2026Q3' });
  if (url === '/api/v1/case') q.set('id', 'M1');
  if (url === '/api/v1/department') q.set('id', 'D01');
  if (url === '/api/v1/rankings/evidence') q.set('dept', 'D01');
  return `${path}?${q.toString()}`;
}

describe('an import too big for the heap', () => {
  it('is kept, its report says why, and every sourced read answers insufficient_memory while the city answers', async () => {
    server.service.memory.readHeap = TINY;
    try {
      const form = new FormData();
      form.append('file', new Blob([FILE]), 'too-big.csv');
      const res = await fetch(`${admin.base}/api/v1/imports`, {
        method: 'POST',
        headers: { origin: admin.base, cookie: admin.cookie ?? '' },
        body: form,
      });
      expect(res.status).toBe(201);
      const report = importReport.parse(await res.json());
      expect([report.state, report.accepted]).toEqual(['done', 30]);
      expect(report.memoryRefusal).toMatch(/^内存不足，无法评估：30 条记录估计需要约 .* MB 堆内存/);
      expect(report.memoryRefusal).toContain('服务的堆上限为 1 MB');
      expect(report.memoryRefusal).toContain('--max-heap-mb');

      const listed = importList.parse(await (await admin.get('/api/v1/imports')).json());
      expect(listed.items.find((r) => r.importId === report.importId)?.memoryRefusal).toBe(
        report.memoryRefusal,
      );
      // The source switch marks it too.
      const sources = sourcesResponse.parse(await (await admin.get('/api/v1/sources')).json());
      expect(sources.items.find((s) => s.id === report.source)?.memoryRefusal).toBe(
        report.memoryRefusal,
      );

      const sourced = apiRoutes(server.service).filter((r) => r.sourced === true);
      expect(sourced.length).toBeGreaterThan(5);
      const wrong: string[] = [];
      for (const r of sourced) {
        const refused = await admin.get(requestOf(r.url, report.source));
        const body = apiErrorSchema.safeParse(await refused.json().catch(() => null));
        if (
          refused.status !== 507 ||
          !body.success ||
          body.data.error.code !== 'insufficient_memory'
        )
          wrong.push(`${r.url} (${report.source}): HTTP ${refused.status}`);
        else if (body.data.error.message !== report.memoryRefusal)
          wrong.push(`${r.url}: message ${body.data.error.message}`);
      }
      // The city was evaluated before: its figures still answer under the same budget.
      const city = await admin.get(requestOf('/api/v1/overview', 'city'));
      expect(city.status).toBe(200);
      expect(wrong).toEqual([]);
    } finally {
      server.service.memory.readHeap = realHeap;
    }
  });
});

describe('a city too big for the heap', () => {
  it('keeps answering with the last good figures and says why in the sync status', async () => {
    const before = await (await admin.get(requestOf('/api/v1/overview', 'city'))).json();
    server.service.memory.readHeap = TINY;
    try {
      await expect(server.service.recompute()).rejects.toMatchObject({
        code: 'insufficient_memory',
      });
      const status = syncStatusResponse.parse(
        await (await admin.get('/api/v1/sync-status')).json(),
      );
      expect(status.state).toBe('error');
      expect(status.failure).toMatchObject({ side: 'service', code: 'insufficient_memory' });
      expect(status.failure?.message).toMatch(/^内存不足，无法评估：8,000 条记录/);
      const during = await admin.get(requestOf('/api/v1/overview', 'city'));
      expect(during.status).toBe(200);
      expect(await during.json()).toEqual(before);
    } finally {
      server.service.memory.readHeap = realHeap;
    }
    // With room again, the next evaluation clears the reason.
    await server.service.recompute();
    const after = syncStatusResponse.parse(await (await admin.get('/api/v1/sync-status')).json());
    expect(after.failure).toBeNull();
  });
});

describe('reloading the store', () => {
  it('does not count the records it just let go as heap in use', async () => {
    // 5M cases: the reload was refused with 10.4 GB "in use" that a collection brought to 37 MB —
    // the old records, let go a moment before. Here the heap holds exactly that garbage and has
    // room for one copy of the city, not two.
    const rows = await server.db.all(
      "SELECT count(*)::DOUBLE AS records, count(*) FILTER (WHERE resource = 'cases')::DOUBLE AS cases FROM raw_records WHERE source = 'city'",
    );
    const need = estimateEvaluationBytes({
      records: Number(rows[0]?.['records']),
      cases: Number(rows[0]?.['cases']),
    });
    // The city is in memory (the sync put it there), so the estimate of what is let go equals need.
    server.service.memory.readHeap = () => ({ limitBytes: (need / 0.85) * 1.2, usedBytes: need });
    try {
      await server.service.reloadFromStore();
      const status = syncStatusResponse.parse(
        await (await admin.get('/api/v1/sync-status')).json(),
      );
      expect(status.failure).toBeNull();
      expect((await admin.get(requestOf('/api/v1/overview', 'city'))).status).toBe(200);
      // The garbage counts once: a recompute with that heap still in use is refused.
      await expect(server.service.recompute()).rejects.toMatchObject({
        code: 'insufficient_memory',
      });
    } finally {
      server.service.memory.readHeap = realHeap;
    }
    await server.service.recompute();
  });
});
