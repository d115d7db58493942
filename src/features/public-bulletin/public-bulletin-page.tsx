import { Result, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { usePublicBulletin, type PublicBulletinData } from '../../api/public-bulletin';
import { ApiRequestError } from '../../api/http';
import { DEFAULT_SLOW_ACTION_THRESHOLDS } from '../../domain/slow-action';
import type { Bulletin } from '../../engine/bulletin';
import { rankingMethodology } from '../../engine/ranking-view-methodology';
import { RankingPrintReport } from '../../export/print-ranking-report';
import { defineMessages } from '../../i18n';
import { PrintOverlay } from '../../ui/print-overlay';

const useMsg = defineMessages(
  {
    loading: '正在读取季度通报…',
    notPublished: '{quarter} 的季度通报尚未发布',
    failed: '季度通报暂时无法读取',
  },
  {
    loading: 'Loading the quarterly bulletin…',
    notPublished: 'The bulletin for {quarter} has not been published',
    failed: 'The bulletin cannot be read right now',
  },
);

/** The published figures as the printed bulletin's model (department level only). */
function bulletinOf(p: PublicBulletinData): Bulletin {
  return {
    header: {
      city: p.city,
      office: p.office,
      documentNumber: p.documentNumber,
      issuedOn: p.issuedOn,
      edition: p.edition,
    },
    ranking: {
      quarter: p.quarter,
      asOf: p.asOf,
      // Only finished quarters can be published.
      partial: false,
      from: p.from,
      to: p.to,
      previousQuarter: p.previousQuarter,
      weights: p.weights,
      minCountedCases: p.minCountedCases,
      rectificationWindowDays: p.rectificationWindowDays,
      groups: p.groups,
      departments: p.departments,
      city: p.cityTotals,
      coverage: p.coverage,
      supervision: p.supervision,
    },
  };
}

/**
 * 公开通报 (`/public/bulletins/:quarter`): the latest published edition of a quarter, readable
 * without signing in — department-level figures only, in the same printable A4 layout as the
 * bulletin printed from the rankings page. Outside the app shell: no menu, no session.
 */
export function PublicBulletinPage() {
  const m = useMsg();
  const quarter = useParams()['quarter'] ?? '';
  const query = usePublicBulletin(quarter);
  const [generatedAtMs] = useState(() => Date.now());
  const bulletin = useMemo(() => (query.data ? bulletinOf(query.data) : null), [query.data]);
  const methodology = useMemo(
    () => (bulletin ? rankingMethodology(bulletin.ranking, DEFAULT_SLOW_ACTION_THRESHOLDS) : null),
    [bulletin],
  );
  if (bulletin && methodology) {
    return (
      <PrintOverlay title={`${bulletin.header.city}部门效能评比排队季度通报-${quarter}`}>
        <RankingPrintReport
          bulletin={bulletin}
          methodology={methodology}
          generatedAtMs={generatedAtMs}
        />
      </PrintOverlay>
    );
  }
  if (query.isError) {
    const missing = query.error instanceof ApiRequestError && query.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? m('notPublished', { quarter }) : m('failed')}
        data-testid="public-bulletin-error"
      />
    );
  }
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip={m('loading')} />
    </div>
  );
}
