import { Collapse, Table, Typography } from 'antd';
import type { QuarterRanking } from '../../engine/ranking';
import {
  rankingMethodology,
  type MethodologyIndicator,
} from '../../engine/ranking-view-methodology';
import type { SlowActionThresholds } from '../../domain/slow-action';
import { useRankingMsg } from './messages';

/**
 * 排名口径说明: indicators, weights, scoring and counting rules, generated from the settings the
 * shown ranking was computed with (see `rankingMethodology`), so it cannot drift from the code.
 */
export function MethodologyPanel({
  ranking,
  thresholds,
}: {
  ranking: QuarterRanking;
  thresholds: SlowActionThresholds;
}) {
  const m = useRankingMsg();
  const method = rankingMethodology(ranking, thresholds);
  return (
    <Collapse
      data-testid="methodology"
      items={[
        {
          key: 'm',
          label: m('methodology'),
          children: (
            <div lang="zh-CN">
              <Table<MethodologyIndicator>
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={method.indicators}
                columns={[
                  { key: 'name', title: m('indicator'), dataIndex: 'name', width: 110 },
                  {
                    key: 'weight',
                    title: `权重（合计 ${method.totalWeight}）`,
                    width: 120,
                    render: (_, i) => `${i.weight}（${(i.share * 100).toFixed(1)}%）`,
                  },
                  { key: 'dir', title: m('direction'), dataIndex: 'direction', width: 90 },
                  { key: 'desc', title: m('meaning'), dataIndex: 'description' },
                  { key: 'scoring', title: m('scoring'), dataIndex: 'scoring', width: 220 },
                ]}
              />
              {method.sections.map((s) => (
                <section key={s.title} style={{ marginTop: 16 }}>
                  <Typography.Title level={5}>{s.title}</Typography.Title>
                  {s.paragraphs.map((p) => (
                    <Typography.Paragraph key={p} style={{ marginBottom: 6 }}>
                      {p}
                    </Typography.Paragraph>
                  ))}
                </section>
              ))}
            </div>
          ),
        },
      ]}
    />
  );
}
