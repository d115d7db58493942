import { Tag } from 'antd';
import type { WarningLevel } from '../../domain/time-limit';
import { useCaseMsg } from './case-messages';

const COLORS: Record<WarningLevel, string> = {
  normal: 'green',
  'early-warning': 'blue',
  yellow: 'gold',
  red: 'red',
};

/** The warning level as a coloured tag with its Chinese name (正常 / 预警 / 黄牌 / 红牌). */
export function CaseLevelTag({ level }: { level: WarningLevel }) {
  const m = useCaseMsg();
  return (
    <Tag
      color={COLORS[level]}
      data-testid="case-level"
      style={{ fontSize: 14, padding: '2px 10px' }}
    >
      {m(`level.${level}`)}
    </Tag>
  );
}
