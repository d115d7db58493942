import { DatabaseOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useSources } from '../api/sources';
import { CITY_SOURCE, SOURCE_PARAM, useSourceChoice } from '../api/source-choice';
import { useUrlParam } from '../state/url-state';
import { formatCount } from '../ui/format';
import { useSourceMsg } from './source-messages';

/**
 * The header's data-source switch: the city feed plus every imported dataset the service lists.
 * The choice is `?source=` in the URL, so every page (and a copied link) reads the same source.
 */
export function SourceSelect() {
  const m = useSourceMsg();
  const sources = useSources();
  const choice = useSourceChoice();
  const [, setSource] = useUrlParam(SOURCE_PARAM);
  const items = sources.data?.items ?? [];
  const options = items.map((s) => {
    const name =
      s.kind === 'feed'
        ? m('city')
        : `${s.label}${s.cases === null ? '' : `（${m('cases', { n: formatCount(s.cases) })}）`}`;
    // Too big for the service's heap: still listed (it is stored), marked, its reason on hover.
    return s.memoryRefusal === null
      ? { value: s.id, label: name }
      : { value: s.id, label: `${name} · ${m('refused')}`, title: s.memoryRefusal };
  });
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
