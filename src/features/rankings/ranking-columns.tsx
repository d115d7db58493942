import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { IndicatorKey } from '../../domain/ranking';
import type { DepartmentRanking, QuarterRanking } from '../../engine/ranking';
import {
  departmentLabel,
  formatScore,
  indicatorsOf,
  rankChangeView,
  totalWeight,
} from '../../engine/ranking-view';
import { indicatorWords } from '../../export/methodology-words';
import { intlLocale, useLocaleStore } from '../../i18n';
import { FeedText } from '../../ui/feed-text';
import { formatCount } from '../../ui/format';
import { useSlowActionText } from '../../ui/slow-action-text';
import { useRankingMsg } from './messages';
import { ScoreCell } from './score-cell';
import { departmentPath } from '../../state/id-links';

const CHANGE_COLOR = { up: '#cf1322', down: '#389e0d', same: undefined, none: undefined } as const;

/** What the columns need from the page. */
export interface RankingColumnsProps {
  ranking: QuarterRanking;
  /** `?period=…` for the department links. */
  periodSearch: string;
  onOpenScore: (owner: string, key: DepartmentRanking['missingIndicators'][number]) => void;
  onSelectDepartment: (departmentId: string) => void;
  /** 'ranked' shows rank and change; 'insufficient' shows why the row is not ranked. */
  variant: 'ranked' | 'insufficient';
}

/**
 * The antd columns of the ranking table (and of the 样本不足 table). Their widths add up to
 * 1 074 px so the table fits a 1440 px screen (about 1 115 px beside the menu) without
 * horizontal scrolling, and each is wide enough for its content (an overflowing cell scrolls the
 * table too); the e2e test measures it.
 */
export function useRankingColumns(p: RankingColumnsProps): TableColumnsType<DepartmentRanking> {
  const m = useRankingMsg();
  const sa = useSlowActionText();
  const uiLocale = useLocaleStore((s) => s.locale);
  const locale = intlLocale(uiLocale);
  const r = p.ranking;
  const words = (key: IndicatorKey) => indicatorWords(uiLocale, key, r.rectificationWindowDays);
  const infos = indicatorsOf(r);
  const total = totalWeight(r);
  const nameOf = (key: string) => {
    const i = infos.find((x) => x.key === key);
    return i ? words(i.key).name : key;
  };
  const lead: TableColumnsType<DepartmentRanking> =
    p.variant === 'ranked'
      ? [
          {
            key: 'rank',
            title: m('rank'),
            dataIndex: 'rank',
            width: 48,
            fixed: 'left',
            align: 'center',
            render: (_, d) => <strong data-testid={`rank-${d.departmentId}`}>{d.rank}</strong>,
          },
          {
            key: 'change',
            title: m('change'),
            width: 52,
            align: 'center',
            render: (_, d) => {
              const v = rankChangeView(d);
              const prev = r.previousQuarter;
              const tip =
                v.kind === 'none'
                  ? m('changeNone', { prev })
                  : v.kind === 'same'
                    ? m('changeSame', { prev, previous: d.previousRank ?? '' })
                    : m(v.kind === 'up' ? 'changeUp' : 'changeDown', {
                        prev,
                        previous: d.previousRank ?? '',
                        n: Math.abs(d.rankChange ?? 0),
                      });
              return (
                <Tooltip title={tip}>
                  <span
                    tabIndex={0}
                    aria-label={tip}
                    data-testid={`change-${d.departmentId}`}
                    style={{ color: CHANGE_COLOR[v.kind], whiteSpace: 'nowrap' }}
                  >
                    {v.text}
                  </span>
                </Tooltip>
              );
            },
          },
        ]
      : [];
  return [
    ...lead,
    {
      key: 'department',
      title: m('department'),
      width: 132,
      fixed: 'left',
      render: (_, d) => (
        <Space size={4} wrap>
          <Link to={{ pathname: departmentPath(d.departmentId), search: p.periodSearch }}>
            <FeedText>{departmentLabel(d)}</FeedText>
          </Link>
          {d.deadlineRush ? (
            <Tooltip title={sa.explanation('deadline-rush', d.deadlineRush.evidence)}>
              <Tag color="orange" tabIndex={0} style={{ marginInlineEnd: 0 }}>
                {m('rush')}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'counted',
      title: m('counted'),
      width: 72,
      align: 'right',
      render: (_, d) => (
        <span data-testid={`counted-${d.departmentId}`}>
          {formatCount(d.counted, locale)}
          {p.variant === 'insufficient' ? (
            <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
              {m('insufficientReason', { counted: d.counted, min: r.minCountedCases })}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      key: 'composite',
      title: m('composite'),
      width: 80,
      align: 'right',
      render: (_, d) => (
        <div>
          <strong data-testid={`composite-${d.departmentId}`}>
            {formatScore(d.score, locale)}
          </strong>
          {d.missingWeight > 0 && d.score !== null ? (
            <Tooltip
              title={m('missingWeightTip', { names: d.missingIndicators.map(nameOf).join('、') })}
            >
              <Typography.Text
                type="secondary"
                tabIndex={0}
                data-testid={`gap-${d.departmentId}`}
                style={{ display: 'block', fontSize: 12 }}
              >
                {m('missingWeight', { missing: d.missingWeight, total })}
              </Typography.Text>
            </Tooltip>
          ) : null}
        </div>
      ),
    },
    ...infos.map((info) => ({
      key: info.key,
      title: (
        <Tooltip title={`${words(info.key).description} ${words(info.key).scoring}`}>
          <span tabIndex={0}>
            {words(info.key).name}
            <Typography.Text
              type="secondary"
              style={{ display: 'block', fontSize: 12, fontWeight: 400 }}
            >
              {m('weight', { w: r.weights[info.key] })}
            </Typography.Text>
          </span>
        </Tooltip>
      ),
      width: 86,
      align: 'right' as const,
      render: (_: unknown, d: DepartmentRanking) => (
        <ScoreCell
          owner={d.departmentId}
          ownerLabel={departmentLabel(d)}
          info={info}
          value={d.indicators[info.key]}
          onOpen={p.onOpenScore}
        />
      ),
    })),
    {
      key: 'actions',
      title: '',
      // The small button (four characters and its padding) plus the cell's padding.
      width: 88,
      render: (_, d) => (
        <Button
          size="small"
          aria-label={m('detailAria', { dept: departmentLabel(d) })}
          onClick={() => p.onSelectDepartment(d.departmentId)}
        >
          {m('detail')}
        </Button>
      ),
    },
  ];
}
