/**
 * Command-line tools for the dashboard's domain core.
 *
 *   npm run -s cli -- evaluate --input FILE [--mapping FILE] [--as-of ISO-8601]
 *
 * stdout carries exactly one JSON document (so other tools can consume it); diagnostics go to
 * stderr. Exit codes: 0 done (even with rejected records), 1 unreadable input or mapping file,
 * 2 bad arguments.
 */
import { CliUsageError, type CliCommand } from './cli/common';

/**
 * Subcommands by name, each loaded when it runs: `evaluate` does not pay for loading the service
 * (Fastify, DuckDB, ExcelJS) it never uses.
 */
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  evaluate: async () => (await import('./cli/evaluate-command')).evaluateCommand,
  rank: async () => (await import('./cli/rank-command')).rankCommand,
  'demo-feed': async () => (await import('./cli/demo-feed-command')).demoFeedCommand,
  serve: async () => (await import('./cli/service-commands')).serveCommand,
  sync: async () => (await import('./cli/service-commands')).syncCommand,
  recompute: async () => (await import('./cli/service-commands')).recomputeCommand,
  users: async () => (await import('./cli/users-command')).usersCommand,
};

async function usage(): Promise<string> {
  const lines = ['用法 (usage): npm run -s cli -- <command> [options]', '', 'commands:'];
  const commands = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => [name, await load()] as const),
  );
  for (const [name, cmd] of commands) lines.push(`  ${name.padEnd(10)} ${cmd.summary}`);
  for (const [, cmd] of commands) lines.push('', cmd.usage);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stderr.write(`${await usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    process.stderr.write(`未知命令 '${name}' (unknown command)\n\n${await usage()}\n`);
    return 2;
  }
  const cmd = await load();
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
