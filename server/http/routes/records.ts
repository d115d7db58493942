/** Rejected feed records (readable and downloadable as CSV) and the shared settings. */
import { z } from 'zod';
import { pageParams } from '../../../src/contract/api-common';
import { rejectedResponse } from '../../../src/contract/service';
import type { SupervisionService } from '../../service';
import { currentSettings, saveSettings } from '../../jobs/settings';
import { sendCsv } from '../export-stream';
import { ApiFailure, route, type ApiRoute } from '../route';

const ALL = ['admin', 'supervisor', 'leader', 'liaison'] as const;
const STAFF = ['admin', 'supervisor', 'leader'] as const;

interface RejectedItem {
  resource: string;
  index: number;
  id: string | null;
  reason: string;
  raw: string;
  seenAt: string;
}

function rejectedItem(r: Record<string, unknown>): RejectedItem {
  return {
    resource: String(r['resource']),
    index: Number(r['record_index']),
    id: typeof r['record_id'] === 'string' ? r['record_id'] : null,
    reason: String(r['reason']),
    raw: String(r['raw']),
    seenAt: new Date(Number(r['seen_at'])).toISOString(),
  };
}

export function recordRoutes(service: SupervisionService): ApiRoute[] {
  const rejectedQuery = z.object({ resource: z.string().max(40).optional(), ...pageParams });
  return [
    route({
      method: 'GET',
      url: '/api/v1/rejected',
      summary: '未通过校验的记录及原因',
      // Raw records may belong to any department (or to none that can be read): staff only.
      roles: STAFF,
      scope: 'city',
      query: rejectedQuery,
      response: rejectedResponse,
      handler: async ({ query }) => {
        const where =
          query.resource === undefined ? 'source = $1' : 'source = $1 AND resource = $2';
        const params = query.resource === undefined ? ['city'] : ['city', query.resource];
        const total = await service.db.all(
          `SELECT count(*)::INTEGER AS n FROM rejected_records WHERE ${where}`,
          params,
        );
        const rows = await service.db.all(
          `SELECT * FROM rejected_records WHERE ${where} ORDER BY resource, record_index
           LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
          params,
        );
        return { total: Number(total[0]?.['n'] ?? 0), items: rows.map(rejectedItem) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/rejected/export.csv',
      summary: '未通过校验的记录导出 CSV',
      roles: STAFF,
      scope: 'city',
      produces: 'text/csv',
      handler: async ({ reply }) => {
        const rows: RejectedItem[] = [];
        for await (const chunk of service.db.stream(
          `SELECT resource, record_index::DOUBLE AS record_index, record_id, reason, raw, seen_at
             FROM rejected_records WHERE source = 'city' ORDER BY resource, record_index`,
        )) {
          for (const r of chunk) rows.push(rejectedItem(r));
        }
        await sendCsv(reply, '未通过校验的记录', rows, [
          { header: '数据源', kind: 'text', value: (r) => r.resource },
          { header: '序号', kind: 'integer', value: (r) => r.index + 1 },
          { header: '编号', kind: 'text', value: (r) => r.id },
          { header: '原因', kind: 'text', value: (r) => r.reason },
          { header: '原始记录', kind: 'text', value: (r) => r.raw },
        ]);
        return reply;
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/settings',
      summary: '当前设置（版本、修改人、修改时间）',
      roles: ALL,
      scope: 'city',
      response: z.object({
        version: z.number().int(),
        settings: z.record(z.string(), z.unknown()),
        changedBy: z.string().nullable(),
        changedAt: z.string().nullable(),
      }),
      handler: async () => {
        const s = await currentSettings(service.db);
        return {
          version: s.version,
          settings: { ...s.settings },
          changedBy: s.changedBy,
          changedAt: s.changedAt === null ? null : new Date(s.changedAt).toISOString(),
        };
      },
    }),
    route({
      method: 'PUT',
      url: '/api/v1/settings',
      summary: '修改设置（新版本；随后重新评估全部办件）',
      roles: ['admin'],
      scope: 'city',
      body: z.unknown(),
      response: z.object({ version: z.number().int() }),
      handler: async ({ body, viewer }) => {
        const saved = await saveSettings(service.db, body, viewer.name);
        if (!saved.ok) throw new ApiFailure(400, 'bad_request', saved.reasons.join('; '));
        await service.recompute();
        return { version: saved.version.version };
      },
    }),
  ];
}
