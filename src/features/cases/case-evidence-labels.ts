/**
 * Chinese labels of the slow-action evidence keys (the keys themselves are stable machine names
 * used in exports; the page shows the label and keeps the key in a tooltip).
 */
export const EVIDENCE_LABELS: Readonly<Record<string, string>> = {
  step: '当前环节',
  stepEnteredDay: '进入环节日期',
  lastMovement: '最近流转',
  lastMovementDay: '最近流转日期',
  idleDays: '无流转工作日',
  suspendedDays: '暂停工作日',
  threshold: '阈值',
  committedLimitDays: '承诺时限（工作日）',
  asOfDay: '统计日期',
  acceptedDay: '受理日期',
  firstAction: '首次办理动作',
  firstActionDay: '首次办理日期',
  waitedDays: '等待工作日',
  corrections: '补正次数',
  firstCorrectionDay: '首次补正日期',
  flaggedCorrectionDay: '触发标记的补正日期',
  correctionDays: '各次补正日期',
  factor: '倍数',
  allowedDays: '允许暂停工作日',
  exceededOn: '超出日期',
  overrunDays: '超出申请天数（工作日）',
  suspensionsOverrun: '超出申请天数的暂停次数',
  kind: '暂停类别',
  suspensionStartDay: '暂停开始日期',
  approvedDays: '申请天数',
  firstOverrunDay: '首个超出日',
  recomputedOverrunDays: '复核超出天数',
  committedDue: '承诺期限',
  overdueDays: '超期工作日',
  statutoryDue: '法定期限',
  statutoryOverdueDays: '超法定期限工作日',
  elapsedDays: '已用工作日',
};

/** Chinese words for the movement codes in the evidence (lastMovement, firstAction). */
export const EVIDENCE_VALUE_LABELS: Readonly<Record<string, string>> = {
  accepted: '受理',
  completed: '办结',
  'step-left': '环节转出',
  'suspension-started': '开始暂停计时',
  'step-entered': '进入环节',
};
