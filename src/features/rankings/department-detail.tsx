import { Card, Col, Row, Select, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { RankingBreakdownChart } from '../../charts/ranking-breakdown-chart';
import { ChartFrame } from '../../charts/chart-frame';
import type { Quarter, QuarterRanking } from '../../engine/ranking';
import {
  departmentLabel,
  formatScore,
  indicatorBreakdown,
  type BreakdownPoint,
} from '../../engine/ranking-view';
import { intlLocale, useLocaleStore } from '../../i18n';
import { useDetailMsg } from './detail-messages';
import { useRankingMsg } from './messages';
import { RankHistoryCard } from './rank-history-card';
import { useRankHistory } from './use-ranking';

/** The chosen department (`dept=`): its indicator breakdown against the city and its rank history. */
export function DepartmentDetail({
  quarter,
  ranking,
  departmentId,
  onSelect,
  source,
}: {
  quarter: Quarter;
  ranking: QuarterRanking;
  departmentId: string | null;
  onSelect: (id: string | null) => void;
  source: string;
}) {
  const m = useDetailMsg();
  const rm = useRankingMsg();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const dept = ranking.departments.find((d) => d.departmentId === departmentId) ?? null;
  const history = useRankHistory(quarter, dept !== null);
  const points = useMemo(
    () => (dept ? indicatorBreakdown(ranking, dept.departmentId) : []),
    [ranking, dept],
  );
  const options = ranking.departments
    .filter((d) => d.counted > 0)
    .map((d) => ({ value: d.departmentId, label: departmentLabel(d) }));
  const picker = (
    <Space wrap>
      <Typography.Text strong>{m('pick')}</Typography.Text>
      <Select
        aria-label={m('pick')}
        data-testid="department-select"
        showSearch
        optionFilterProp="label"
        allowClear
        placeholder={m('choose')}
        style={{ width: 240 }}
        value={dept?.departmentId}
        options={options}
        onChange={(v?: string) => onSelect(v ?? null)}
      />
    </Space>
  );
  if (!dept) return <Card size="small">{picker}</Card>;
  const name = departmentLabel(dept);
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="department-detail"
    >
      {picker}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartFrame
            title={m('breakdown', { dept: name })}
            period={ranking.quarter}
            source={source}
            exportName={rm('exportBreakdown', { name, quarter: ranking.quarter })}
            summary={m('breakdownSummary', { dept: name })}
            height={300}
            below={
              <Table<BreakdownPoint>
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={points}
                columns={[
                  { key: 'n', title: rm('indicator'), dataIndex: 'name' },
                  { key: 'w', title: '权重', dataIndex: 'weight', align: 'right' },
                  {
                    key: 'd',
                    title: name,
                    align: 'right',
                    render: (_, p) => formatScore(p.department, locale),
                  },
                  {
                    key: 'c',
                    title: m('cityShort'),
                    align: 'right',
                    render: (_, p) => formatScore(p.city, locale),
                  },
                ]}
              />
            }
          >
            <RankingBreakdownChart
              points={points}
              departmentLabel={name}
              cityLabel={rm('city')}
              locale={locale}
            />
          </ChartFrame>
        </Col>
        <Col xs={24} xl={12}>
          <RankHistoryCard
            history={history}
            departmentId={dept.departmentId}
            name={name}
            quarter={ranking.quarter}
            source={source}
          />
        </Col>
      </Row>
    </Space>
  );
}
