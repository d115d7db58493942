/**
 * 督办: cards, notices, their events and the inbox (docs/duban.md). Issuing, deciding, returning
 * an answer and closing are a supervisor's; answering and appealing the notice department's liaison's; every read is
 * scoped to the viewer's departments (a card or notice outside them is 404).
 */
import { shanghaiDayOf } from '../../../src/domain/calendar';
import {
  appealBody,
  cardEventsResponse,
  cardsQuery,
  cardsResponse,
  closeBody,
  decisionBody,
  inboxResponse,
  issueNoticeBody,
  noticeEventsResponse,
  noticeItem,
  noticeParams,
  noticesQuery,
  noticesResponse,
  respondBody,
  returnBody,
  type NoticeItem,
} from '../../../src/contract/duban';
import { calendarFor } from '../../../src/engine/settings';
import { cardEvents, findCards } from '../../duban/card-queries';
import type { NoticeAction } from '../../duban/notice-machine';
import { loadNotices, type NoticeRecord } from '../../duban/notice-store';
import { inboxOf, noticeEventsOf, noticeItemOf, selectNotices } from '../../duban/notice-views';
import { actOnNotice, issueNotice, type NoticeContext } from '../../duban/notices';
import type { SupervisionService } from '../../service';
import { requireEvaluated } from '../../views/scope';
import { notFound, route, type ApiRoute } from '../route';
import { sees, type Viewer } from '../viewer';

const ALL = ['admin', 'supervisor', 'leader', 'liaison'] as const;

export function dubanRoutes(service: SupervisionService): ApiRoute[] {
  const ctx = (): NoticeContext => {
    const e = requireEvaluated(service.evaluated);
    return {
      db: service.db,
      source: e.source,
      model: e.model,
      nowMs: service.asOfMs(),
      cal: calendarFor(e.settings.settings),
    };
  };
  const itemOf = (n: NoticeRecord): NoticeItem => {
    const e = requireEvaluated(service.evaluated);
    const names = e.dataset.departmentById;
    return noticeItemOf(n, shanghaiDayOf(service.asOfMs()), (id) => names.get(id)?.name ?? id);
  };
  const visibleNotices = async (viewer: Viewer): Promise<NoticeItem[]> =>
    (await loadNotices(service.db, ctx().source))
      .filter((n) => sees(viewer, n.departmentId))
      .map(itemOf);
  const oneNotice = async (id: number, viewer: Viewer): Promise<NoticeRecord> => {
    const [n] = await loadNotices(service.db, ctx().source, id);
    if (n === undefined || !sees(viewer, n.departmentId)) throw notFound('该督办单');
    return n;
  };
  /** One action; the figures follow the record at once (a revocation, an overdue flag). */
  const act = async (viewer: Viewer, id: number, version: number, action: NoticeAction) => {
    const n = await actOnNotice(ctx(), viewer, id, version, action);
    await service.dubanChanged();
    return itemOf(n);
  };
  const notice = (url: string, summary: string, roles: readonly ('supervisor' | 'liaison')[]) => ({
    method: 'POST' as const,
    url: `/api/v1/notices/:id/${url}`,
    summary,
    roles,
    scope: 'own-departments' as const,
    params: noticeParams,
    response: noticeItem,
  });
  return [
    route({
      method: 'GET',
      url: '/api/v1/cards',
      summary: '预警、黄牌、红牌记录（状态、等级、首次产生日期）',
      roles: ALL,
      scope: 'own-departments',
      query: cardsQuery,
      response: cardsResponse,
      handler: async ({ query, viewer }) => {
        const items = await findCards(service.db, ctx().source, viewer, query);
        return { total: items.length, items };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/cards/:id/events',
      summary: '卡片的事件（产生、升级、取消、撤销）',
      roles: ALL,
      scope: 'own-departments',
      params: noticeParams,
      response: cardEventsResponse,
      handler: async ({ params, viewer }) => {
        const [card] = await findCards(service.db, ctx().source, viewer, { ids: [params.id] });
        if (card === undefined) throw notFound('该卡片');
        return { items: await cardEvents(service.db, card.id) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/notices',
      summary: '签发督办单（同一部门的一张或一批卡片、慢作为标记）',
      roles: ['supervisor'],
      scope: 'own-departments',
      body: issueNoticeBody,
      response: noticeItem,
      handler: async ({ body, viewer, reply }) => {
        const settings = requireEvaluated(service.evaluated).settings.settings;
        const n = await issueNotice(ctx(), viewer, {
          ...body,
          deadlineDays: body.deadlineDays ?? settings.duban.deadlineDays,
        });
        await service.dubanChanged();
        void reply.status(201);
        return itemOf(n);
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/notices',
      summary: '督办单列表',
      roles: ALL,
      scope: 'own-departments',
      query: noticesQuery,
      response: noticesResponse,
      handler: async ({ query, viewer }) => {
        const items = selectNotices(await visibleNotices(viewer), viewer, query);
        return { total: items.length, items };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/notices/:id',
      summary: '单份督办单',
      roles: ALL,
      scope: 'own-departments',
      params: noticeParams,
      response: noticeItem,
      handler: async ({ params, viewer }) => itemOf(await oneNotice(params.id, viewer)),
    }),
    route({
      method: 'GET',
      url: '/api/v1/notices/:id/events',
      summary: '督办单的全部事件（谁、角色、部门、时间、内容）',
      roles: ALL,
      scope: 'own-departments',
      params: noticeParams,
      response: noticeEventsResponse,
      handler: async ({ params, viewer }) => ({
        items: noticeEventsOf(await oneNotice(params.id, viewer)),
      }),
    }),
    route({
      ...notice('response', '部门反馈（原因、措施、预计完成日期）', ['liaison']),
      body: respondBody,
      handler: ({ params, body, viewer }) =>
        act(viewer, params.id, body.version, {
          type: 'respond',
          cause: body.cause,
          measures: body.measures,
          expectedBy: body.expectedBy,
        }),
    }),
    route({
      ...notice('appeal', '部门申诉（理由、说明）', ['liaison']),
      body: appealBody,
      handler: ({ params, body, viewer }) =>
        act(viewer, params.id, body.version, {
          type: 'appeal',
          reason: body.reason,
          explanation: body.explanation,
        }),
    }),
    route({
      ...notice('decision', '申诉决定：撤销或维持（须说明理由）', ['supervisor']),
      body: decisionBody,
      handler: ({ params, body, viewer }) =>
        act(viewer, params.id, body.version, {
          type: 'decide',
          decision: body.decision,
          reason: body.reason,
        }),
    }),
    route({
      ...notice('return', '退回反馈：须说明理由，部门在新期限内重新反馈', ['supervisor']),
      body: returnBody,
      handler: ({ params, body, viewer }) =>
        act(viewer, params.id, body.version, { type: 'return', reason: body.reason }),
    }),
    route({
      ...notice('close', '确认整改完成，办结督办单', ['supervisor']),
      body: closeBody,
      handler: ({ params, body, viewer }) =>
        act(viewer, params.id, body.version, { type: 'close' }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/inbox',
      summary: '待办：联络员待反馈；督查员待决定的申诉、待确认的反馈、逾期未反馈',
      roles: ALL,
      scope: 'own-departments',
      response: inboxResponse,
      handler: async ({ viewer }) => inboxOf(await visibleNotices(viewer), viewer),
    }),
  ];
}
