import { Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { isoFromDay, shanghaiDayOf } from '../../domain/calendar';
import { badReviewStatus, BAD_REVIEW_MAX_LEVEL } from '../../domain/ranking';
import type { Evaluation } from '../../feeds/schemas/evaluation';
import { useLocaleStore } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { EVALUATION_LEVEL_NAMES, useCaseMsg } from './case-messages';
import type { CaseData } from './use-case-data';

const LEVEL_COLORS: Record<number, string> = {
  1: 'red',
  2: 'volcano',
  3: 'default',
  4: 'green',
  5: 'green',
};

/**
 * The case's 好差评: level with its Chinese name, time, channel, and for a 差评 its rectification
 * judged by the same rule as the ranking's 差评整改率 (badReviewStatus, the settings' window).
 */
export function CaseEvaluations({ data, asOfMs }: { data: CaseData; asOfMs: number }) {
  const m = useCaseMsg();
  const locale = useLocaleStore((s) => s.locale);
  const windowDays = data.settings.ranking.rectificationWindowDays;
  const { cal } = data;
  const rectification = (e: Evaluation): string => {
    if (e.level > BAD_REVIEW_MAX_LEVEL) return m('eval.notBad');
    const lastDay = cal.addWorkingDays(shanghaiDayOf(e.at), windowDays);
    const status = badReviewStatus(e, asOfMs, cal, windowDays);
    if (e.rectifiedAt !== null && e.rectifiedAt <= asOfMs) {
      const n = cal.countWorkingDays(shanghaiDayOf(e.at), shanghaiDayOf(e.rectifiedAt));
      return m('eval.rectifiedAt', {
        at: formatDateTime(e.rectifiedAt, locale),
        n,
        verdict:
          status === 'rectified'
            ? m('eval.withinWindow', { w: windowDays })
            : m('eval.beyondWindow', { w: windowDays }),
      });
    }
    return status === 'pending'
      ? m('eval.pending', { date: isoFromDay(lastDay) })
      : m('eval.unrectified', { date: isoFromDay(lastDay) });
  };
  const columns: ColumnsType<Evaluation> = [
    {
      key: 'level',
      title: m('eval.level'),
      render: (_, e) => (
        <Tag
          color={LEVEL_COLORS[e.level]}
        >{`${e.level} ${EVALUATION_LEVEL_NAMES[e.level] ?? ''}`}</Tag>
      ),
    },
    { key: 'at', title: m('eval.at'), render: (_, e) => formatDateTime(e.at, locale) },
    { key: 'channel', title: m('eval.channel'), dataIndex: 'channel' },
    { key: 'rect', title: m('eval.rectified'), render: (_, e) => rectification(e) },
  ];
  return (
    <Card size="small" title={m('evaluationsTitle')} data-testid="case-evaluations">
      {data.evaluations.length === 0 ? (
        <Typography.Text type="secondary">{m('noEvaluations')}</Typography.Text>
      ) : (
        <Table<Evaluation>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={[...data.evaluations]}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
