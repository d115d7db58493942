/**
 * The command that re-checks an import from the command line with the same file, mapping and
 * as-of instant (`cli -- evaluate`, docs/import.md): the figures it prints equal the source's.
 */
import type { ImportReport } from '../../contract/imports';
import { shellCommand } from './shell-quote';

/** The mapping as the CLI's `--mapping` file takes it (without the service's `detected` note). */
export function cliMapping(report: ImportReport): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...report.mapping };
  delete copy['detected'];
  return copy;
}

/** The mapping file's name beside the data file. */
export const mappingFileName = (report: ImportReport): string => `${report.fileName}.mapping.json`;

export function reCheckCommand(report: ImportReport, asOf: string | null): string {
  const words = [
    'npm',
    'run',
    '-s',
    'cli',
    '--',
    'evaluate',
    '--input',
    report.fileName,
    '--mapping',
    mappingFileName(report),
  ];
  if (asOf !== null) words.push('--as-of', asOf);
  return shellCommand(words);
}
