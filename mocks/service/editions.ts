/**
 * msw handlers of the published editions and the public bulletin: an in-memory, append-only list
 * per quarter, published from the mock's live ranking. The diff lists departments whose rank,
 * group rank, composite or counted cases changed (the service's rule, docs/ranking.md §12).
 */
import { http, HttpResponse } from 'msw';
import { editionResponse, editionsResponse, publishResponse } from '../../src/contract/editions';
import type { MeResponse } from '../../src/contract/service';
import type { QuarterRanking } from '../../src/engine/ranking';

interface Stored {
  edition: number;
  documentNumber: string;
  publishedAt: string;
  ranking: QuarterRanking;
}

function diff(from: QuarterRanking, to: QuarterRanking, against: number | 'live') {
  const before = new Map(from.departments.map((d) => [d.departmentId, d]));
  const departments = to.departments.flatMap((d) => {
    const b = before.get(d.departmentId);
    const same =
      b !== undefined &&
      b.rank === d.rank &&
      b.groupRank === d.groupRank &&
      b.score === d.score &&
      b.counted === d.counted;
    if (same) return [];
    return [
      {
        departmentId: d.departmentId,
        departmentName: d.departmentName,
        group: d.group,
        rank: { from: b?.rank ?? null, to: d.rank },
        groupRank: { from: b?.groupRank ?? null, to: d.groupRank },
        score: { from: b?.score ?? null, to: d.score },
        counted: { from: b?.counted ?? 0, to: d.counted },
      },
    ];
  });
  return {
    against,
    settingsVersion: { from: 1, to: 1 },
    departments,
    unchanged: to.departments.length - departments.length,
  };
}

export function editionHandlers(
  apiPath: (p: string) => string,
  me: () => MeResponse | null,
  live: (quarter: string) => QuarterRanking,
) {
  const store = new Map<string, Stored[]>();
  const unauthorized = () =>
    HttpResponse.json(
      { error: { code: 'unauthorized', message: 'unauthorized' } },
      { status: 401 },
    );
  return [
    http.get(apiPath('/rankings/:quarter/editions'), ({ params }) => {
      if (me() === null) return unauthorized();
      const quarter = String(params['quarter']);
      const items = (store.get(quarter) ?? []).map((e) => ({
        edition: e.edition,
        documentNumber: e.documentNumber,
        publishedAt: e.publishedAt,
        publishedBy: 'leader',
        settingsVersion: 1,
        asOf: e.ranking.asOf,
      }));
      return HttpResponse.json(editionsResponse.parse({ quarter, items }));
    }),
    http.get(apiPath('/rankings/:quarter/editions/:n'), ({ params }) => {
      if (me() === null) return unauthorized();
      const quarter = String(params['quarter']);
      const list = store.get(quarter) ?? [];
      const e = list.find((x) => x.edition === Number(params['n']));
      if (!e)
        return HttpResponse.json(
          { error: { code: 'not_found', message: 'no edition' } },
          { status: 404 },
        );
      const prev = list.find((x) => x.edition === e.edition - 1);
      const now = live(quarter);
      const liveDiff = diff(e.ranking, now, 'live');
      return HttpResponse.json(
        editionResponse.parse({
          quarter,
          edition: e.edition,
          documentNumber: e.documentNumber,
          issuedOn: e.publishedAt.slice(0, 10),
          publishedAt: e.publishedAt,
          publishedBy: 'leader',
          publisherRole: 'leader',
          settingsVersion: 1,
          asOf: e.ranking.asOf,
          lastSyncAt: null,
          bulletin: { city: '演示市', office: '演示市人民政府效能督查室', documentPrefix: '督通' },
          ranking: e.ranking,
          diff: prev ? diff(prev.ranking, e.ranking, prev.edition) : null,
          liveDiffers: JSON.stringify(e.ranking) !== JSON.stringify(now),
          liveDiff,
        }),
      );
    }),
    http.post(apiPath('/rankings/:quarter/editions'), ({ params }) => {
      const who = me();
      if (who === null) return unauthorized();
      if (who.role !== 'leader')
        return HttpResponse.json(
          { error: { code: 'forbidden', message: 'forbidden' } },
          { status: 403 },
        );
      const quarter = String(params['quarter']);
      const list = store.get(quarter) ?? [];
      const count = [...store.values()].reduce((s, l) => s + l.length, 0);
      const e: Stored = {
        edition: list.length + 1,
        documentNumber: `督通〔2026〕${count + 1}号`,
        publishedAt: '2026-10-08T09:00:00+08:00',
        ranking: live(quarter),
      };
      store.set(quarter, [...list, e]);
      return HttpResponse.json(
        publishResponse.parse({
          edition: e.edition,
          publishedAt: e.publishedAt,
          publishedBy: who.name,
          documentNumber: e.documentNumber,
        }),
        { status: 201 },
      );
    }),
  ];
}
