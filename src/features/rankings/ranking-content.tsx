import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { IndicatorKey } from '../../domain/ranking';
import type { Quarter, QuarterRanking } from '../../engine/ranking';
import type { RankingEditionView } from '../../api/editions';
import {
  departmentLabel,
  formatScore,
  rankingExportRows,
  rankingGroups,
} from '../../engine/ranking-view';
import { intlLocale, useLocaleStore } from '../../i18n';
import { useSharedSettings } from '../../api/settings';
import { DEFAULT_ENGINE_SETTINGS } from '../../engine/settings';
import { ExportMenu } from '../../ui/export-menu';
import { formatCount } from '../../ui/format';
import { DepartmentDetail } from './department-detail';
import { EvidenceDrawer, parseDrill } from './evidence-drawer';
import { useRankingMsg } from './messages';
import { MethodologyPanel } from './methodology-panel';
import { rankingExportColumns } from './ranking-export';
import { PrintView } from './print-view';
import { CityChart, CityTables, GroupCharts, GroupTables } from './ranking-views';

/** Sets or clears search params, keeping the others (the page's view lives in the URL). */
function useParamsSetter() {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (changes: Record<string, string | null>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      }),
    [setParams],
  );
  return [params, set] as const;
}

/** Everything shown for one computed ranking. */
export function RankingContent({
  quarter,
  ranking,
  edition,
  updating,
}: {
  quarter: Quarter;
  ranking: QuarterRanking;
  /** The published edition shown, or null for the live figures. */
  edition: RankingEditionView | null;
  updating: boolean;
}) {
  const m = useRankingMsg();
  const uiLocale = useLocaleStore((s) => s.locale);
  const locale = intlLocale(uiLocale);
  const thresholds =
    useSharedSettings().data?.settings.slowAction ?? DEFAULT_ENGINE_SETTINGS.slowAction;
  const [params, setParam] = useParamsSetter();
  const groups = useMemo(() => rankingGroups(ranking), [ranking]);
  // 分类排名 is the default; the city-wide list is the second view (`view=city`).
  const cityView = params.get('view') === 'city';
  const exportRows = useMemo(() => rankingExportRows(ranking), [ranking]);
  const exportColumns = useMemo(() => rankingExportColumns(ranking, uiLocale), [ranking, uiLocale]);
  const drill = parseDrill(params.get('drill'));
  const periodSearch = `?period=${ranking.quarter}`;
  const asOf = `${ranking.asOf.slice(0, 10)} ${ranking.asOf.slice(11, 16)}`;
  const source = m('chartSource', { asOf });
  const onOpenScore = useCallback(
    (owner: string, key: IndicatorKey) => setParam({ drill: `${owner}:${key}` }),
    [setParam],
  );
  const onSelectDepartment = useCallback((id: string | null) => setParam({ dept: id }), [setParam]);
  const closePrint = useCallback(() => setParam({ print: null }), [setParam]);
  const tableProps = { ranking, periodSearch, onOpenScore, onSelectDepartment };
  return (
    <Spin spinning={updating}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {ranking.partial ? (
          <Alert type="warning" showIcon title={m('partial', { quarter: ranking.quarter, asOf })} />
        ) : null}
        <Card
          title={
            <Space wrap>
              {m('tableTitle', { quarter: ranking.quarter })}
              <Tag color={edition ? 'red' : 'default'} data-testid="ranking-shown-tag">
                {edition ? m('editionTag', { doc: edition.documentNumber }) : m('liveTag')}
              </Tag>
            </Space>
          }
          extra={
            <Space wrap>
              <Segmented
                aria-label={m('viewLabel')}
                data-testid="ranking-view"
                value={cityView ? 'city' : 'group'}
                options={[
                  { value: 'group', label: m('viewGroup') },
                  { value: 'city', label: m('viewCity') },
                ]}
                onChange={(v) => setParam({ view: v === 'city' ? 'city' : null })}
              />
              <Button icon={<PrinterOutlined />} onClick={() => setParam({ print: '1' })}>
                {m('print')}
              </Button>
              <ExportMenu
                fileName={m('exportName', { quarter: ranking.quarter })}
                sheetName={`部门排名${ranking.quarter}`}
                rows={exportRows}
                columns={exportColumns}
              />
            </Space>
          }
        >
          <Typography.Paragraph type="secondary" data-testid="ranking-coverage">
            {m('coverage', {
              withData: ranking.coverage.withData,
              departments: ranking.coverage.departments,
              ranked: ranking.coverage.ranked,
              counted: formatCount(ranking.city.counted, locale),
            })}
            {m('clauseSeparator')}
            {m('cityComposite', { score: formatScore(ranking.city.score, locale) })}
          </Typography.Paragraph>
          {cityView ? (
            <CityTables tableProps={tableProps} />
          ) : (
            <GroupTables tableProps={tableProps} />
          )}
        </Card>
        {groups.noData.length > 0 ? (
          <Typography.Paragraph type="secondary" data-testid="no-data-departments">
            {m('noDataTitle', { n: groups.noData.length })}：
            {groups.noData.map(departmentLabel).join('、')}
          </Typography.Paragraph>
        ) : null}
        {cityView ? (
          <CityChart ranking={ranking} source={source} />
        ) : (
          <GroupCharts ranking={ranking} source={source} />
        )}
        <DepartmentDetail
          quarter={quarter}
          ranking={ranking}
          departmentId={params.get('dept')}
          onSelect={onSelectDepartment}
          source={source}
        />
        <MethodologyPanel ranking={ranking} thresholds={thresholds} />
        <EvidenceDrawer
          quarter={quarter}
          ranking={ranking}
          drill={drill}
          onClose={() => setParam({ drill: null })}
        />
        {params.get('print') === '1' ? (
          <PrintView
            ranking={ranking}
            edition={edition}
            thresholds={thresholds}
            onClose={closePrint}
          />
        ) : null}
      </Space>
    </Spin>
  );
}
