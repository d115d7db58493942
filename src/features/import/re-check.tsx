import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ImportReport } from '../../contract/imports';
import type { ImportMsg } from './import-messages';
import { cliMapping, mappingFileName, reCheckCommand } from './re-check-command';

/** Saves the mapping as the CLI's `--mapping` file (made in the browser: it is the report's). */
function downloadMapping(report: ImportReport): void {
  const blob = new Blob([JSON.stringify(cliMapping(report), null, 2)], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = mappingFileName(report);
  a.click();
  // The click has handed the blob to the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** 命令行复核: the command, every word shell-quoted (issue 18.3), to copy. */
export function ReCheck({
  report,
  asOf,
  m,
}: {
  report: ImportReport;
  asOf: string | null;
  m: ImportMsg;
}) {
  const command = reCheckCommand(report, asOf);
  const [copied, setCopied] = useState(false);
  return (
    <div style={{ marginTop: 16 }} data-testid="recheck">
      <Typography.Text strong>{m('recheckTitle')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {m('recheckHint')}
      </Typography.Paragraph>
      <pre
        className="recheck-command"
        data-testid="recheck-command"
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
      >
        {command}
      </pre>
      <Space>
        <Button size="small" onClick={() => downloadMapping(report)}>
          {m('downloadMapping')}
        </Button>
        <Button
          size="small"
          onClick={() => {
            void navigator.clipboard?.writeText(command).then(() => setCopied(true));
          }}
        >
          {copied ? m('copied') : m('copy')}
        </Button>
      </Space>
    </div>
  );
}
