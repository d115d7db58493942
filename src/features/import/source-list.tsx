import { Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { IMPORT_KIND_LABELS } from '../../feeds/import/fields';
import { useImportSources } from '../../feeds/import/queries';
import { useRuntimeConfig } from '../../feeds/runtime-config';
import { useLocaleStore } from '../../i18n';
import { useSourceActions, useSourceDetail, useSourceMessages } from '../../ui/data-source-switch';
import { formatCount } from '../../ui/format';
import { useImportMessages } from './messages';

/** Every data source on this browser, with use and delete (the header's switcher, in full). */
export function SourceList() {
  const m = useImportMessages();
  const sm = useSourceMessages();
  const locale = useLocaleStore((s) => s.locale);
  const config = useRuntimeConfig();
  const sources = useImportSources();
  const { active, activate, remove } = useSourceActions();
  const detail = useSourceDetail();
  const feedLabel = config.demo.enabled ? sm('demo') : sm('live');
  return (
    <Card size="small" title={m('sources')} data-testid="source-list">
      {[{ key: 'feed', s: null }, ...(sources.data ?? []).map((s) => ({ key: s.id, s }))].map(
        ({ key, s }) => {
          const isActive = s === null ? active === null : active?.id === s.id;
          return (
            <div
              key={key}
              className="import-source-row"
              data-testid={s === null ? 'source-feed' : `source-${s.name}`}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 16,
                padding: '8px 0',
                borderBottom: '1px solid rgba(5,5,5,0.06)',
              }}
            >
              <div style={{ flex: 1, minWidth: 0 }}>
                {s === null ? (
                  <>
                    <Typography.Text strong>{feedLabel}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{m('feed')}</Typography.Text>
                  </>
                ) : (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{sm('imported', { name: s.name })}</Typography.Text>
                    <Typography.Text type="secondary">{detail(s)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {m('files')}：
                      {s.files
                        .map(
                          (f) =>
                            `${locale === 'zh-CN' ? IMPORT_KIND_LABELS[f.kind].zh : IMPORT_KIND_LABELS[f.kind].en} ${f.fileName}（${formatCount(f.accepted)}/${formatCount(f.total)}）`,
                        )
                        .join('；')}
                    </Typography.Text>
                  </Space>
                )}
              </div>
              {isActive ? (
                <Tag color="green">{m('active')}</Tag>
              ) : (
                <Button
                  size="small"
                  onClick={() => activate(s === null ? null : s.id)}
                  aria-label={`${m('use')} ${s?.name ?? feedLabel}`}
                >
                  {m('use')}
                </Button>
              )}
              {s !== null && (
                <Popconfirm
                  title={m('deleteConfirm', { name: s.name })}
                  okText={m('delete')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(s.id)}
                >
                  <Button size="small" danger aria-label={`${m('delete')} ${s.name}`}>
                    {m('delete')}
                  </Button>
                </Popconfirm>
              )}
            </div>
          );
        },
      )}
      {(sources.data ?? []).length === 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {m('sourcesEmpty')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
