/** Series colours shared by every chart, so a yellow card is the same yellow everywhere. */
export const CHART_COLORS = {
  earlyWarning: '#1677ff',
  yellow: '#faad14',
  red: '#cf1322',
  rate: '#1677ff',
  neutral: '#8c8c8c',
  grid: '#f0f0f0',
} as const;

/** The font stack the live charts use (the exported image adds it too). */
export const CHART_FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
