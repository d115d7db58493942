import { Result, Typography } from 'antd';
import { defineMessages } from '../../i18n';

const useMsg = defineMessages(
  {
    title: '导入功能迁移到服务中',
    body: '数据文件将上传到督查服务，由服务读取、校验并保存为可选的数据源。迁移完成前，可用命令行导入：',
  },
  {
    title: 'Import is moving to the service',
    body: 'Files will be uploaded to the supervision service, which reads, validates and keeps them as a selectable source. Until then, use the command line:',
  },
);

/** 数据导入: the upload to the service is not built yet (issue 13, item 4). */
export function ImportPage() {
  const m = useMsg();
  return (
    <Result
      status="info"
      title={m('title')}
      data-testid="import-moved"
      subTitle={
        <>
          <Typography.Paragraph type="secondary">{m('body')}</Typography.Paragraph>
          <Typography.Text code>npm run -s cli -- evaluate --input 文件.csv</Typography.Text>
        </>
      }
    />
  );
}
