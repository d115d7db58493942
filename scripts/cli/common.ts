import { parseIsoDate, shanghaiStartOfDay } from '../../src/domain/calendar';
import { parseInstant } from '../../src/domain/time-limit';
/** A CLI subcommand: `run` returns the exit code; it writes its result to stdout itself. */
export interface CliCommand {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Bad arguments: reported with the command's usage, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/**
 * Parse `--name value` / `--name=value` options. Every option takes a value; unknown options,
 * repeated options and positional arguments are usage errors.
 */
export function parseOptions(args: string[], known: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) throw new CliUsageError(`多余的参数 '${arg}' (unexpected argument)`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!known.includes(name)) throw new CliUsageError(`未知选项 '--${name}' (unknown option)`);
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      i++;
    }
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) {
      throw new CliUsageError(`选项 --${name} 缺少取值 (option needs a value)`);
    }
    if (out.has(name)) throw new CliUsageError(`选项 --${name} 重复 (option given twice)`);
    out.set(name, value);
  }
  return out;
}

/** Write a large output (text or UTF-8 bytes) to stdout in pieces and wait until it is flushed. */
export async function writeStdout(chunks: Iterable<string | Uint8Array>): Promise<void> {
  for (const chunk of chunks) {
    if (!process.stdout.write(chunk)) {
      await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
    }
  }
}

/**
 * `--as-of` of every command: an ISO 8601 instant as given (no offset = Asia/Shanghai), or a bare
 * date `YYYY-MM-DD` meaning the END of that day in Asia/Shanghai (23:59:59.999) — "as of
 * 30 September" includes everything that happened on the 30th.
 */
export function parseAsOfOption(text: string): number | null {
  const day = parseIsoDate(text.trim());
  if (day !== null) return shanghaiStartOfDay(day + 1) - 1;
  return parseInstant(text);
}
