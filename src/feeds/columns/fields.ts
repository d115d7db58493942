/**
 * What an imported file can hold and the fields of each kind: the target of the column mapping,
 * with the header names other systems commonly use (Chinese service platforms and hotline / 311
 * exports), and how a spreadsheet cell is turned into the JSON value the feed validators expect.
 */
export const IMPORT_KINDS = ['cases', 'case-events', 'evaluations', 'tasks'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, { zh: string; en: string }> = {
  cases: { zh: '办件', en: 'Cases' },
  'case-events': { zh: '环节流转', en: 'Case events' },
  evaluations: { zh: '好差评', en: 'Evaluations' },
  tasks: { zh: '督查事项', en: 'Supervision tasks' },
};

/**
 * How a cell becomes a JSON value for the validator: `text` stays a string, `int` a number,
 * `instant` an ISO string with offset (read in the mapping's format and zone), `date` YYYY-MM-DD,
 * `bool` a boolean, `list` an array of strings, `json` a parsed JSON value. Cases need none
 * (their validator reads strings itself); the type still drives the preview.
 */
export type FieldType = 'text' | 'int' | 'instant' | 'date' | 'bool' | 'list' | 'json';

export interface FieldSpec {
  field: string;
  zh: string;
  type: FieldType;
  /** The file must have a column for it. */
  required: boolean;
  /** Nullable: a blank cell is `null` (else a blank cell is left out, and the validator decides). */
  nullable?: boolean;
  /** Header names recognised automatically (compared after normalising case, spaces and _-). */
  synonyms: readonly string[];
}

const ID_CASE = [
  '办件编号',
  '申办流水号',
  '办件流水号',
  '流水号',
  '受理编号',
  '业务流水号',
  '工单编号',
  '工单号',
  'case_id',
  'case id',
  'case no',
  'case number',
  'service request number',
  'sr number',
  'request id',
  'ticket id',
  'unique key',
];
const DEPT = [
  '部门',
  '部门编号',
  '部门代码',
  '承办单位',
  '承办部门',
  '办理部门',
  '受理部门',
  '实施主体',
  '责任单位',
  '处置单位',
  'department',
  'dept',
  'department_id',
  'agency',
  'responsible agency',
  'owner department',
];

const CASE_SPECS: readonly FieldSpec[] = [
  { field: 'id', zh: '办件编号', type: 'text', required: true, synonyms: ['id', ...ID_CASE] },
  { field: 'departmentId', zh: '部门', type: 'text', required: true, synonyms: DEPT },
  {
    field: 'acceptedAt',
    zh: '受理时间',
    type: 'instant',
    required: true,
    synonyms: [
      '受理时间',
      '受理日期',
      '申请时间',
      '申报时间',
      '登记时间',
      '派单时间',
      '立案时间',
      'accepted_at',
      'accepted at',
      'open_date',
      'open date',
      'opened',
      'opened at',
      'created date',
      'created_date',
      'received at',
      'received',
      'date received',
      'request date',
    ],
  },
  {
    field: 'committedLimitDays',
    zh: '承诺时限',
    type: 'int',
    required: false,
    synonyms: [
      '承诺时限',
      '承诺时限(工作日)',
      '承诺时限（工作日）',
      '承诺办结时限',
      '承诺期限',
      'committed_limit_days',
      'committed days',
      'promised days',
      'committed limit',
    ],
  },
  {
    field: 'statutoryLimitDays',
    zh: '法定时限',
    type: 'int',
    required: false,
    synonyms: [
      '法定时限',
      '法定时限(工作日)',
      '法定时限（工作日）',
      '法定办结时限',
      '法定期限',
      'statutory_limit_days',
      'statutory days',
      'legal days',
      'statutory limit',
    ],
  },
  {
    field: 'completedAt',
    zh: '办结时间',
    type: 'instant',
    required: false,
    synonyms: [
      '办结时间',
      '办结日期',
      '完成时间',
      '结案时间',
      '办毕时间',
      'completed_at',
      'completed at',
      'close_date',
      'close date',
      'closed',
      'closed at',
      'closed date',
      'closed_date',
      'resolved date',
      'date closed',
      'resolution date',
    ],
  },
  {
    field: 'suspensions',
    zh: '暂停记录',
    type: 'json',
    required: false,
    synonyms: ['暂停记录', '暂停计时', '特别程序', '挂起记录', 'suspensions', 'pauses'],
  },
  {
    field: 'dueAt',
    zh: '办理期限',
    type: 'instant',
    required: false,
    synonyms: [
      '办理期限',
      '截止时间',
      '应办结时间',
      '办结期限',
      '到期时间',
      '处理时限',
      'due_at',
      'due at',
      'due date',
      'due_date',
      'deadline',
      'target_close_date',
      'target close date',
      'target date',
      'sla due date',
      'resolution due date',
    ],
  },
  {
    field: 'departmentName',
    zh: '部门名称',
    type: 'text',
    required: false,
    synonyms: [
      '部门名称',
      '承办单位名称',
      '单位名称',
      'department name',
      'department_name',
      'agency name',
    ],
  },
  {
    field: 'itemCode',
    zh: '事项编码',
    type: 'text',
    required: false,
    synonyms: [
      '事项编码',
      '事项代码',
      '事项编号',
      'item code',
      'item_code',
      'itemcode',
      'service code',
    ],
  },
];

const CASE_REF = [
  'caseid',
  'case_id',
  '办件编号',
  '申办流水号',
  '办件流水号',
  '流水号',
  '工单编号',
];
const UPDATED = [
  'updatedAt',
  '更新时间',
  '最后更新时间',
  'updated_at',
  'updated at',
  'last updated',
];

const EVENT_SPECS: readonly FieldSpec[] = [
  {
    field: 'id',
    zh: '环节记录编号',
    type: 'text',
    required: true,
    synonyms: ['id', '环节记录编号', '环节编号', '流转编号', 'event id', 'event_id'],
  },
  { field: 'caseId', zh: '办件编号', type: 'text', required: true, synonyms: CASE_REF },
  {
    field: 'step',
    zh: '环节名称',
    type: 'text',
    required: true,
    synonyms: ['step', '环节', '环节名称', '办理环节', 'step name'],
  },
  { field: 'departmentId', zh: '办理部门', type: 'text', required: true, synonyms: DEPT },
  {
    field: 'handler',
    zh: '经办人',
    type: 'text',
    required: true,
    synonyms: ['handler', '经办人', '办理人', '处理人'],
  },
  {
    field: 'enteredAt',
    zh: '进入环节时间',
    type: 'instant',
    required: true,
    synonyms: [
      'enteredAt',
      '进入环节时间',
      '开始时间',
      '环节开始时间',
      '接收时间',
      'entered_at',
      'entered at',
      'start',
    ],
  },
  {
    field: 'leftAt',
    zh: '离开环节时间',
    type: 'instant',
    required: false,
    nullable: true,
    synonyms: [
      'leftAt',
      '离开环节时间',
      '结束时间',
      '环节结束时间',
      '提交时间',
      'left_at',
      'left at',
      'end',
    ],
  },
  { field: 'updatedAt', zh: '更新时间', type: 'instant', required: false, synonyms: UPDATED },
];

const EVALUATION_SPECS: readonly FieldSpec[] = [
  {
    field: 'id',
    zh: '评价编号',
    type: 'text',
    required: true,
    synonyms: ['id', '评价编号', '评价流水号', 'evaluation id'],
  },
  { field: 'caseId', zh: '办件编号', type: 'text', required: true, synonyms: CASE_REF },
  {
    field: 'level',
    zh: '评价等级',
    type: 'int',
    required: true,
    synonyms: ['level', '评价等级', '评价结果', '满意度', 'rating', 'score'],
  },
  {
    field: 'at',
    zh: '评价时间',
    type: 'instant',
    required: true,
    synonyms: ['at', '评价时间', 'rated at', 'evaluated at'],
  },
  {
    field: 'channel',
    zh: '评价渠道',
    type: 'text',
    required: true,
    synonyms: ['channel', '评价渠道', '渠道', '评价方式'],
  },
  {
    field: 'rectifiedAt',
    zh: '整改反馈时间',
    type: 'instant',
    required: false,
    nullable: true,
    synonyms: [
      'rectifiedAt',
      '整改反馈时间',
      '整改时间',
      '整改完成时间',
      'rectified at',
      'rectified_at',
    ],
  },
  { field: 'updatedAt', zh: '更新时间', type: 'instant', required: false, synonyms: UPDATED },
];

const TASK_SPECS: readonly FieldSpec[] = [
  {
    field: 'id',
    zh: '督查事项编号',
    type: 'text',
    required: true,
    synonyms: ['id', '督查事项编号', '事项编号', '任务编号', 'task id'],
  },
  {
    field: 'source',
    zh: '事项来源',
    type: 'text',
    required: true,
    synonyms: ['source', '事项来源', '来源', '交办来源'],
  },
  {
    field: 'title',
    zh: '事项标题',
    type: 'text',
    required: true,
    synonyms: ['title', '事项标题', '标题', '督查事项', '任务名称'],
  },
  {
    field: 'leadDepartmentId',
    zh: '牵头部门',
    type: 'text',
    required: true,
    synonyms: ['leadDepartmentId', '牵头部门', '牵头单位', '责任单位', 'lead department'],
  },
  {
    field: 'coDepartmentIds',
    zh: '配合部门',
    type: 'list',
    required: false,
    synonyms: ['coDepartmentIds', '配合部门', '配合单位', '协办单位', 'co departments'],
  },
  {
    field: 'assignedAt',
    zh: '交办时间',
    type: 'instant',
    required: true,
    synonyms: ['assignedAt', '交办时间', '交办日期', '下达时间', 'assigned at'],
  },
  {
    field: 'deadline',
    zh: '办理期限',
    type: 'date',
    required: false,
    nullable: true,
    synonyms: ['deadline', '办理期限', '完成时限', '办结时限', '截止日期', 'due date'],
  },
  {
    field: 'complex',
    zh: '是否复杂',
    type: 'bool',
    required: false,
    synonyms: ['complex', '是否复杂', '复杂件'],
  },
  {
    field: 'milestones',
    zh: '进度节点',
    type: 'json',
    required: false,
    synonyms: ['milestones', '进度节点', '节点'],
  },
  {
    field: 'status',
    zh: '办理状态',
    type: 'text',
    required: true,
    synonyms: ['status', '办理状态', '状态'],
  },
  {
    field: 'outcome',
    zh: '办理结果',
    type: 'text',
    required: false,
    nullable: true,
    synonyms: ['outcome', '办理结果', '答复类别', '结果类别'],
  },
  {
    field: 'progressNote',
    zh: '最新进展',
    type: 'text',
    required: false,
    synonyms: ['progressNote', '最新进展', '进展情况', '办理进展'],
  },
  { field: 'updatedAt', zh: '更新时间', type: 'instant', required: false, synonyms: UPDATED },
];

/** The mapping targets of each kind, in display order. */
export const FIELD_SPECS: Record<ImportKind, readonly FieldSpec[]> = {
  cases: CASE_SPECS,
  'case-events': EVENT_SPECS,
  evaluations: EVALUATION_SPECS,
  tasks: TASK_SPECS,
};
