import { CloudUploadOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Popconfirm, Select, Space, Typography } from 'antd';
import { useMe } from '../../api/session';
import { usePublishEdition } from '../../api/editions';
import { useApiErrorText } from '../../ui/query-gate';
import { EditionDiffTable } from './edition-diff';
import { useEditionMsg } from './edition-messages';
import type { RankingSource } from './use-ranking-source';

const day = (iso: string) => iso.slice(0, 10);
const minute = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/**
 * The edition picker, the leader's 发布 button (with a confirmation: an edition can never be
 * withdrawn), which edition is shown, whether live figures differ from it, and its differences
 * from the previous edition, department by department.
 */
export function EditionBar({ source, partial }: { source: RankingSource; partial: boolean }) {
  const m = useEditionMsg();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const leader = useMe().data?.role === 'leader';
  const publish = usePublishEdition(source.key);
  const e = source.edition.data;
  const next = (source.latest ?? 0) + 1;
  const options = [
    ...source.items
      .slice()
      .reverse()
      .map((i) => ({
        value: String(i.edition),
        label: m('editionOption', {
          n: i.edition,
          doc: i.documentNumber,
          date: day(i.publishedAt),
        }),
      })),
    { value: 'live', label: m('live') },
  ];
  const onPublish = () =>
    publish.mutate(undefined, {
      onSuccess: (r) => {
        void message.success(m('published', { n: r.edition, doc: r.documentNumber }));
        source.select(r.edition);
      },
      onError: (err) => void message.error(m('publishFailed', { reason: errorText(err) })),
    });
  const changed = e?.liveDiff.departments.length ?? 0;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="edition-bar">
      <Space wrap>
        <Typography.Text strong id="ranking-edition-label">
          {m('picker')}
        </Typography.Text>
        <Select
          aria-labelledby="ranking-edition-label"
          data-testid="ranking-edition"
          style={{ minWidth: 280 }}
          value={String(source.selected)}
          options={options}
          onChange={(v: string) => source.select(v === 'live' ? 'live' : Number(v))}
        />
        {/* Publishing stores the city feed's ranking: offered only while the page shows it. */}
        {leader && !partial && source.cityFeed ? (
          <Popconfirm
            title={m('confirmTitle', { quarter: source.key })}
            description={<div style={{ maxWidth: 360 }}>{m('confirmBody', { n: next })}</div>}
            okText={m('confirmOk')}
            cancelText={m('cancel')}
            onConfirm={onPublish}
          >
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={publish.isPending}
              data-testid="publish-edition"
            >
              {source.latest === null ? m('publish') : m('republish')}
            </Button>
          </Popconfirm>
        ) : null}
        {source.latest !== null ? (
          <a href={`/public/bulletins/${source.key}`} target="_blank" rel="noreferrer">
            <LinkOutlined /> {m('publicLink')}
          </a>
        ) : null}
      </Space>
      <Typography.Text type="secondary" data-testid="edition-showing">
        {e && source.selected !== 'live'
          ? m('showing', {
              n: e.edition,
              doc: e.documentNumber,
              by: e.publishedBy,
              at: minute(e.publishedAt),
              asOf: minute(e.asOf),
            })
          : source.latest === null
            ? m('notPublished', { quarter: source.key })
            : m('showingLive')}
      </Typography.Text>
      {e && source.selected !== 'live' && e.liveDiffers ? (
        <Alert
          type="warning"
          showIcon
          data-testid="live-differs"
          title={
            changed > 0
              ? m('liveDiffers', { n: e.edition, changed })
              : m('liveDiffersFiguresOnly', { n: e.edition })
          }
          description={
            changed > 0 ? (
              <Collapse
                size="small"
                items={[
                  {
                    key: 'live',
                    label: m('liveDiffTitle', { n: e.edition }),
                    children: <EditionDiffTable diff={e.liveDiff} testId="live-diff" />,
                  },
                ]}
              />
            ) : null
          }
        />
      ) : null}
      {e && source.selected !== 'live' && e.diff ? (
        <Collapse
          size="small"
          defaultActiveKey={['diff']}
          data-testid="edition-diff"
          items={[
            {
              key: 'diff',
              label:
                e.diff.departments.length > 0
                  ? m('diffTitle', {
                      n: e.edition - 1,
                      changed: e.diff.departments.length,
                      unchanged: e.diff.unchanged,
                    })
                  : m('diffNone', { n: e.edition - 1 }),
              children:
                e.diff.departments.length > 0 ? (
                  <EditionDiffTable diff={e.diff} testId="edition-diff-table" />
                ) : null,
            },
          ]}
        />
      ) : null}
    </Space>
  );
}
