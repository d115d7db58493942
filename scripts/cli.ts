/**
 * Command-line tools for the dashboard's domain core.
 *
 *   npm run -s cli -- evaluate --input FILE [--mapping FILE] [--as-of ISO-8601]
 *
 * stdout carries exactly one JSON document (so other tools can consume it); diagnostics go to
 * stderr. Exit codes: 0 done (even with rejected records), 1 unreadable input or mapping file,
 * 2 bad arguments.
 */
import { evaluateCommand } from './cli/evaluate-command';
import { rankCommand } from './cli/rank-command';
import { demoFeedCommand } from './cli/demo-feed-command';
import { recomputeCommand, serveCommand, syncCommand } from './cli/service-commands';
import { usersCommand } from './cli/users-command';
import { CliUsageError, type CliCommand } from './cli/common';

/** Subcommands by name; add new ones (e.g. `rank`) here. */
const COMMANDS: Record<string, CliCommand> = {
  evaluate: evaluateCommand,
  rank: rankCommand,
  'demo-feed': demoFeedCommand,
  serve: serveCommand,
  sync: syncCommand,
  recompute: recomputeCommand,
  users: usersCommand,
};

function usage(): string {
  const lines = ['用法 (usage): npm run -s cli -- <command> [options]', '', 'commands:'];
  for (const [name, cmd] of Object.entries(COMMANDS))
    lines.push(`  ${name.padEnd(10)} ${cmd.summary}`);
  for (const cmd of Object.values(COMMANDS)) lines.push('', cmd.usage);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stderr.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS[name];
  if (cmd === undefined) {
    process.stderr.write(`未知命令 '${name}' (unknown command)\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof CliUsageError) {
      process.stderr.write(`${name}: ${e.message}\n\n${cmd.usage}\n`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `内部错误 (internal error): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 70;
  },
);
