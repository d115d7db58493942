import { Button, Tooltip, Typography } from 'antd';
import type { IndicatorInfo, IndicatorValue } from '../../domain/ranking';
import { formatFraction, formatIndicatorValue, formatScore } from '../../engine/ranking-view';
import { intlLocale, useLocaleStore } from '../../i18n';
import { useRankingMsg } from './messages';

/**
 * One indicator score in the ranking table: the score as ranked, its raw value and
 * numerator / denominator on hover, and a button that opens the cases it was computed from.
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
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  const name = locale === 'zh-CN' ? info.name : info.nameEn;
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
  const tip = (
    <>
      <div>
        {m('scoreTip', {
          name,
          value: formatIndicatorValue(info.key, value.value, locale),
          fraction: formatFraction(info.key, value, locale),
          score,
        })}
      </div>
      <div style={{ opacity: 0.75 }}>{m('scoreOpen')}</div>
    </>
  );
  return (
    <Tooltip title={tip}>
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto' }}
        data-testid={`score-${owner}-${info.key}`}
        aria-label={m('scoreAria', { dept: ownerLabel, name, score })}
        onClick={() => onOpen(owner, info.key)}
      >
        {score}
      </Button>
    </Tooltip>
  );
}
