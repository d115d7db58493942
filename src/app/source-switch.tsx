import { DatabaseOutlined } from '@ant-design/icons';
import { Alert, Button, Select } from 'antd';
import { useSources } from '../api/sources';
import { CITY_SOURCE, SOURCE_PARAM, useSourceChoice } from '../api/source-choice';
import { defineMessages } from '../i18n';
import { useUrlParam } from '../state/url-state';
import { formatCount } from '../ui/format';

const useMsg = defineMessages(
  {
    label: '数据源',
    city: '城市接口',
    cases: '{n} 件',
    unavailable: '数据源列表暂不可用',
    gone: '所选数据源“{id}”已不存在（可能已被删除），页面显示的是城市接口的数据。',
    backToCity: '改用城市接口',
  },
  {
    label: 'Data source',
    city: 'City feed',
    cases: '{n} cases',
    unavailable: 'The list of sources is unavailable',
    gone: 'The chosen source “{id}” no longer exists (it may have been deleted); the pages show the city feed.',
    backToCity: 'Use the city feed',
  },
);

/**
 * The header's data-source switch: the city feed plus every imported dataset the service lists.
 * The choice is `?source=` in the URL, so every page (and a copied link) reads the same source.
 */
export function SourceSwitch() {
  const m = useMsg();
  const sources = useSources();
  const choice = useSourceChoice();
  const [, setSource] = useUrlParam(SOURCE_PARAM);
  const items = sources.data?.items ?? [];
  const options = items.map((s) => ({
    value: s.id,
    label:
      s.kind === 'feed'
        ? m('city')
        : `${s.label}${s.cases === null ? '' : `（${m('cases', { n: formatCount(s.cases) })}）`}`,
  }));
  if (options.length === 0) options.push({ value: CITY_SOURCE, label: m('city') });
  return (
    <Select
      data-testid="source-switch"
      aria-label={m('label')}
      prefix={<DatabaseOutlined />}
      value={choice.source}
      loading={sources.isPending}
      status={sources.isError ? 'warning' : undefined}
      title={sources.isError ? m('unavailable') : undefined}
      options={options}
      popupMatchSelectWidth={false}
      style={{ minWidth: 140, maxWidth: 260 }}
      onChange={(id: string) => setSource(id === CITY_SOURCE ? null : id)}
    />
  );
}

/** Shown above every page while the URL names a source the service does not list. */
export function SourceFallbackNotice() {
  const m = useMsg();
  const choice = useSourceChoice();
  const [, setSource] = useUrlParam(SOURCE_PARAM);
  if (!choice.fallback || choice.requested === null) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="source-fallback"
      style={{ marginBottom: 12 }}
      title={m('gone', { id: choice.requested.slice(0, 80) })}
      action={
        <Button size="small" onClick={() => setSource(null)}>
          {m('backToCity')}
        </Button>
      }
    />
  );
}
