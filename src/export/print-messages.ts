/** The fixed words of the printed 季度通报 and its tables, in both languages. */
import { defineMessages } from '../i18n';

export const usePrintMsg = defineMessages(
  {
    noDocumentNumber: '（未发布：当前数据，无文号）',
    title: '关于{city}{quarter}政府部门效能评比排队情况的通报',
    salutation: '各区县人民政府、市直各部门、各乡镇街道：',
    lead: '根据政府部门效能评比排队办法，{office}依据政务服务平台办件、环节流转与好差评数据，对{quarter}各部门办件时效与群众满意度进行了评比排队{partial}。现将有关情况通报如下：',
    leadPartial: '（季度尚未结束，为截至评估时点的数据）',
    tablesTitle: '{n}、分类排名表',
    tablesNote:
      '各项指标上行为比率（慢作为率为每百件标记数），下行为 0–100 分的得分；综合分为各项得分按权重的加权平均。括号内为权重。',
    groupTitle: '（{i}）{group}（{n} 个参与排名）',
    cityTitle: '（{i}）全市合计',
    chartsTitle: '{n}、综合分图',
    chartCaption: '{group}综合分（组内名次；虚线为全市综合分 {score}）',
    cityShort: '全市',
    generatedAt: '生成于 {at}',
    methodologyTitle: '附：排名口径',
    methodologyNote:
      '评估时点 {asOf}；参与排名 {ranked} / {departments} 个部门，样本不足 {insufficient} 个，计入考核办件 {counted} 件。',
    colGroupRank: '组内名次',
    colChange: '变化',
    colDepartment: '部门',
    colCounted: '计入考核件数',
    colScore: '综合分',
    indicatorHead: '{name}（{weight}）',
    subPer100: '个/百件 / 得分',
    subRate: '比率 / 得分',
    tagRush: '临期突击',
    tagInsufficient: '样本不足（少于 {min} 件）',
    cityRow: '全市（合并计数）',
  },
  {
    noDocumentNumber: '(not published: current figures, no document number)',
    title: 'Bulletin on the efficiency ranking of government departments of {city}, {quarter}',
    salutation:
      'To the district and county governments, the municipal departments, the towns and subdistricts:',
    lead: 'Under the rules for ranking the efficiency of government departments, {office} has ranked every department for {quarter} on processing time and public satisfaction, from the government service platform’s cases, step records and reviews{partial}. The results are as follows:',
    leadPartial: ' (the quarter has not ended: figures as of the evaluation time)',
    tablesTitle: '{n}. Rankings by group',
    tablesNote:
      'Each indicator shows its rate on the upper line (slow-action flags per 100 cases for the slow-action rate) and its 0–100 score below; the composite is the weighted mean of the scores. Weights in brackets.',
    groupTitle: '({i}) {group} ({n} ranked)',
    cityTitle: '({i}) City total',
    chartsTitle: '{n}. Composite scores',
    chartCaption:
      '{group}: composite score (rank within the group; dashed line: city score {score})',
    cityShort: 'City',
    generatedAt: 'Generated {at}',
    methodologyTitle: 'Annex: how the ranking is computed',
    methodologyNote:
      'Evaluated at {asOf}; {ranked} of {departments} departments ranked, {insufficient} with too few cases, {counted} counted cases.',
    colGroupRank: 'Rank in group',
    colChange: 'Change',
    colDepartment: 'Department',
    colCounted: 'Counted cases',
    colScore: 'Composite',
    indicatorHead: '{name} ({weight})',
    subPer100: 'per 100 / score',
    subRate: 'rate / score',
    tagRush: 'Deadline rush',
    tagInsufficient: 'Too few cases (under {min})',
    cityRow: 'City (pooled)',
  },
);
