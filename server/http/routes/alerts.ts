/** 预警督办: the alert list, paged on the service, and its streamed exports (same filters and sort). */
import { alertsQuery, alertsResponse, type AlertItem } from '../../../src/contract/alerts';
import { alertSourceModel } from '../../duban/figures';
import type { SupervisionService } from '../../service';
import { alertItemOf, namesOf, selectAlerts } from '../../views/alerts';
import { scopedModel } from '../../views/scope';
import { metaOf } from '../../views/meta';
import { sendCsv, sendXlsx, type ExportColumn } from '../export-stream';
import { route, type ApiRoute } from '../route';

const LEVEL_NAMES: Record<AlertItem['level'], string> = {
  red: '红牌',
  yellow: '黄牌',
  'early-warning': '预警',
};

/** The export's columns: what the alerts table shows, Chinese headers. */
export const ALERT_EXPORT_COLUMNS: readonly ExportColumn<AlertItem>[] = [
  { header: '办件编号', kind: 'text', value: (a) => a.caseId, width: 24 },
  {
    header: '预警等级',
    kind: 'text',
    value: (a) => (a.revoked === true ? `${LEVEL_NAMES[a.level]}（已撤销）` : LEVEL_NAMES[a.level]),
  },
  { header: '部门', kind: 'text', value: (a) => a.departmentName, width: 18 },
  { header: '部门编码', kind: 'text', value: (a) => a.departmentId },
  { header: '事项', kind: 'text', value: (a) => a.itemName, width: 28 },
  { header: '事项编码', kind: 'text', value: (a) => a.itemCode, width: 14 },
  { header: '受理时间', kind: 'text', value: (a) => a.acceptedAt, width: 26 },
  { header: '承诺期限', kind: 'date', value: (a) => a.committedDue, width: 12 },
  { header: '法定期限', kind: 'date', value: (a) => a.statutoryDue, width: 12 },
  { header: '已用（工作日）', kind: 'integer', value: (a) => a.elapsedDays },
  { header: '剩余（工作日）', kind: 'integer', value: (a) => a.remainingDays },
  { header: '暂停（工作日）', kind: 'integer', value: (a) => a.suspendedDays },
  { header: '超期（工作日）', kind: 'integer', value: (a) => a.overdueDays },
  { header: '原因', kind: 'text', value: (a) => a.reason, width: 40 },
];

/** Rows of the 已撤销 filter say so (the list's tag, the export's level column). */
function marked(a: AlertItem, revoked: 'only' | undefined): AlertItem {
  return revoked === 'only' ? { ...a, revoked: true } : a;
}

export function alertRoutes(service: SupervisionService): ApiRoute[] {
  const exportQuery = alertsQuery.omit({ page: true, pageSize: true });
  const allRoles = ['admin', 'supervisor', 'leader', 'liaison'] as const;
  const exportRows = async (
    q: Parameters<typeof selectAlerts>[1],
    viewer: Parameters<typeof scopedModel>[1],
    source: string,
  ): Promise<AlertItem[]> => {
    const e = await service.evaluatedFor(source);
    const model = scopedModel(alertSourceModel(e, q.revoked), viewer);
    const names = namesOf(model);
    return selectAlerts(model, q).rows.map((r) => marked(alertItemOf(r, names), q.revoked));
  };
  return [
    route({
      method: 'GET',
      url: '/api/v1/alerts',
      summary: '预警列表（筛选、排序、分页）',
      roles: allRoles,
      scope: 'own-departments',
      sourced: true,
      query: alertsQuery,
      response: alertsResponse,
      handler: async ({ query, viewer, source }) => {
        const current = await service.evaluatedFor(source);
        const model = scopedModel(alertSourceModel(current, query.revoked), viewer);
        const start = (query.page - 1) * query.pageSize;
        const { rows, counts } = selectAlerts(model, query, start, query.pageSize);
        const names = namesOf(model);
        return {
          total: counts.total,
          page: query.page,
          pageSize: query.pageSize,
          counts: { red: counts.red, yellow: counts.yellow, 'early-warning': counts.earlyWarning },
          items: rows.map((r) => marked(alertItemOf(r, names), query.revoked)),
          meta: metaOf(current),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/alerts/export.csv',
      summary: '预警列表导出 CSV（全部符合条件的行）',
      roles: allRoles,
      scope: 'own-departments',
      sourced: true,
      query: exportQuery,
      produces: 'text/csv',
      handler: async ({ query, viewer, reply, source }) => {
        await sendCsv(
          reply,
          '预警督办',
          await exportRows(query, viewer, source),
          ALERT_EXPORT_COLUMNS,
        );
        return reply;
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/alerts/export.xlsx',
      summary: '预警列表导出 XLSX（全部符合条件的行）',
      roles: allRoles,
      scope: 'own-departments',
      sourced: true,
      query: exportQuery,
      produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      handler: async ({ query, viewer, reply, source }) => {
        await sendXlsx(
          reply,
          '预警督办',
          '预警督办',
          await exportRows(query, viewer, source),
          ALERT_EXPORT_COLUMNS,
        );
        return reply;
      },
    }),
  ];
}
