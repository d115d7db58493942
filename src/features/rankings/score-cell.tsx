import { Button, Tooltip, Typography } from 'antd';
import type { IndicatorInfo, IndicatorValue } from '../../domain/ranking';
import { formatFraction, formatIndicatorValue, formatScore } from '../../engine/ranking-view';
import { indicatorWords } from '../../export/methodology-words';
import { intlLocale, useLocaleStore } from '../../i18n';
import { useRankingMsg } from './messages';

/**
 * One indicator in the ranking table: the rate as read ("0.00%", "3.33 个/百件") above its score
 * ("得分 100.00") — two different numbers, each labelled, since "超期件率 100.00" read as a rate
 * would mean every case overdue. Numerator / denominator on hover; the button opens the cases.
 */
export function ScoreCell({
  owner,
  ownerLabel,
  info,
  value,
  onOpen,
}: {
  /** Department id, or `city`. */
  owner: string;
  ownerLabel: string;
  info: IndicatorInfo;
  value: IndicatorValue;
  onOpen: (owner: string, key: IndicatorInfo['key']) => void;
}) {
  const m = useRankingMsg();
  const uiLocale = useLocaleStore((s) => s.locale);
  const locale = intlLocale(uiLocale);
  const name = indicatorWords(uiLocale, info.key, 0).name;
  if (value.score === null) {
    return (
      <Tooltip title={m('noDataTip', { name })}>
        <Typography.Text type="secondary" data-testid={`score-${owner}-${info.key}`} tabIndex={0}>
          —
        </Typography.Text>
      </Tooltip>
    );
  }
  const score = formatScore(value.score, locale);
  const rate = formatIndicatorValue(info.key, value.value, locale);
  const tip = (
    <>
      <div>
        {m('scoreTip', {
          name,
          value: rate,
          fraction: formatFraction(info.key, value, locale),
          score,
        })}
      </div>
      <div style={{ opacity: 0.75 }}>{m('scoreOpen')}</div>
    </>
  );
  return (
    <div>
      <Typography.Text
        data-testid={`rate-${owner}-${info.key}`}
        style={{ display: 'block', fontSize: 12 }}
      >
        {rate}
      </Typography.Text>
      <Tooltip title={tip}>
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', fontSize: 12, whiteSpace: 'nowrap' }}
          data-testid={`score-${owner}-${info.key}`}
          aria-label={m('scoreAria', { dept: ownerLabel, name, score })}
          onClick={() => onOpen(owner, info.key)}
        >
          {m('scoreLabel', { score })}
        </Button>
      </Tooltip>
    </div>
  );
}
