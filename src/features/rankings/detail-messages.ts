/** Messages of the department detail (breakdown and rank history). */
import { defineMessages } from '../../i18n';

export const useDetailMsg = defineMessages(
  {
    choose: '选择部门查看分项对比与名次走势',
    pick: '分项对比',
    breakdown: '{dept} 分项得分与全市对比',
    breakdownSummary: '{dept} 七项指标得分与全市合并得分的分组条形图',
    history: '{dept} 近六个季度名次',
    historySummary: '{dept} 在 {from} 至 {to} 各季度的名次折线图，未排名的季度留空',
    historyLoading: '正在计算近六个季度的名次…',
    historyError: '无法计算名次走势：{reason}',
    quarterCol: '季度',
    rankCol: '名次',
    scoreCol: '综合分',
    countedCol: '计入考核件数',
    notRanked: '未排名',
    cityShort: '全市',
  },
  {
    choose: 'Pick a department to see its breakdown and rank history',
    pick: 'Breakdown of',
    breakdown: '{dept}: indicator scores vs the city',
    breakdownSummary: 'Grouped bars of the seven indicator scores of {dept} and the pooled city',
    history: '{dept}: rank over six quarters',
    historySummary: 'Line of the rank of {dept} from {from} to {to}; unranked quarters are gaps',
    historyLoading: 'Computing six quarters of ranks…',
    historyError: 'The rank history could not be computed: {reason}',
    quarterCol: 'Quarter',
    rankCol: 'Rank',
    scoreCol: 'Composite',
    countedCol: 'Counted cases',
    notRanked: 'not ranked',
    cityShort: 'City',
  },
);
