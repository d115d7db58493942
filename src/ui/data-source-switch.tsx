/**
 * The header's data-source indicator and switcher (issue 8): shows which data every page counts
 * (演示数据 / 实时接口 / 导入：file name, rows, imported at) and switches between the feed and the
 * datasets imported on this browser, or deletes the active import.
 */
import { DatabaseOutlined, DeleteOutlined, DownOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Dropdown, Modal, Tag, Tooltip, type MenuProps } from 'antd';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { useImportedSource } from '../engine/use-active-dataset';
import { useImportSources, useInvalidateImports } from '../feeds/import/queries';
import { deleteSource, type ImportedSourceMeta } from '../feeds/import/store';
import { useRuntimeConfig } from '../feeds/runtime-config';
import { defineMessages, intlLocale, useLocaleStore } from '../i18n';
import { useDataSourceStore } from '../state/data-source';
import { formatCount, formatDateTime } from './format';

export const useSourceMessages = defineMessages(
  {
    demo: '演示数据',
    live: '实时接口',
    imported: '导入：{name}',
    importTag: '导入',
    detail: '{rows} 件 · 导入于 {at}',
    source: '数据来源',
    manage: '管理导入数据…',
    remove: '删除当前导入数据…',
    confirmTitle: '删除导入数据“{name}”？',
    confirmBody: '将从本浏览器删除该数据集（{rows} 件），看板切换回{feed}。原文件不受影响。',
    ok: '删除',
    cancel: '取消',
  },
  {
    demo: 'Demo data',
    live: 'Live feed',
    imported: 'Import: {name}',
    importTag: 'Import',
    detail: '{rows} cases · imported {at}',
    source: 'Data source',
    manage: 'Manage imports…',
    remove: 'Delete this import…',
    confirmTitle: 'Delete the import “{name}”?',
    confirmBody:
      'The dataset ({rows} cases) is deleted from this browser and the dashboard returns to the {feed}. Your file is not affected.',
    ok: 'Delete',
    cancel: 'Cancel',
  },
);

/** Switch to a source, and delete an import (returning to the feed if it was active). */
export function useSourceActions() {
  const setChoice = useDataSourceStore((s) => s.setChoice);
  const invalidate = useInvalidateImports();
  const active = useImportedSource();
  const activate = useCallback(
    (id: string | null) => setChoice(id === null ? { kind: 'feed' } : { kind: 'import', id }),
    [setChoice],
  );
  const remove = useCallback(
    async (id: string) => {
      if (active?.id === id) setChoice({ kind: 'feed' });
      await deleteSource(id);
      await invalidate();
    },
    [active, setChoice, invalidate],
  );
  return { active, activate, remove };
}

/** "N 件 · 导入于 …" for a source. */
export function useSourceDetail(): (meta: ImportedSourceMeta) => string {
  const m = useSourceMessages();
  const locale = intlLocale(useLocaleStore((s) => s.locale));
  return (meta) =>
    m('detail', {
      rows: formatCount(meta.cases, locale),
      at: formatDateTime(meta.createdAt, locale),
    });
}

/** The header control; the list shows every import on this browser. */
export function DataSourceSwitch() {
  const m = useSourceMessages();
  const config = useRuntimeConfig();
  const sources = useImportSources();
  const { active, activate, remove } = useSourceActions();
  const detail = useSourceDetail();
  const [modal, holder] = Modal.useModal();
  const feedLabel = config.demo.enabled ? m('demo') : m('live');
  const label = active ? m('imported', { name: active.name }) : feedLabel;

  const items: MenuProps['items'] = [
    { key: 'feed', icon: <DatabaseOutlined />, label: feedLabel },
    ...(sources.data ?? []).map((s) => ({
      key: s.id,
      icon: <ImportOutlined />,
      label: (
        <span>
          {m('imported', { name: s.name })}
          <br />
          <small style={{ opacity: 0.65 }}>{detail(s)}</small>
        </span>
      ),
    })),
    { type: 'divider' as const },
    { key: 'manage', label: <Link to="/import">{m('manage')}</Link> },
    ...(active
      ? [{ key: 'delete', danger: true, icon: <DeleteOutlined />, label: m('remove') }]
      : []),
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'manage') return;
    if (key === 'feed') activate(null);
    else if (key === 'delete' && active) {
      void modal.confirm({
        title: m('confirmTitle', { name: active.name }),
        content: m('confirmBody', { rows: formatCount(active.cases), feed: feedLabel }),
        okText: m('ok'),
        okButtonProps: { danger: true },
        cancelText: m('cancel'),
        onOk: () => remove(active.id),
      });
    } else activate(key);
  };

  return (
    <>
      {holder}
      <Dropdown
        menu={{ items, onClick, selectable: true, selectedKeys: [active?.id ?? 'feed'] }}
        trigger={['click']}
      >
        <Tooltip title={active ? detail(active) : undefined}>
          <Button
            size="small"
            data-testid="data-source-switch"
            aria-label={`${m('source')}：${label}`}
          >
            <Tag
              color={active ? 'gold' : config.demo.enabled ? 'purple' : 'blue'}
              style={{ marginInlineEnd: 4 }}
            >
              {active ? m('importTag') : feedLabel}
            </Tag>
            <span
              style={{
                maxWidth: 220,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                display: 'inline-block',
                verticalAlign: 'bottom',
              }}
            >
              {active ? `${active.name} · ${formatCount(active.cases)}` : m('source')}
            </span>
            <DownOutlined />
          </Button>
        </Tooltip>
      </Dropdown>
    </>
  );
}
