/**
 * Shell quoting for the copyable command-line re-check (issue 18.3): a file name comes from the
 * user's disk and may hold `;`, `$( )`, backquotes or newlines. Each value is put in single quotes,
 * inside which a POSIX shell interprets nothing; a single quote itself is closed, escaped and
 * reopened (`'\''`). So a pasted command runs exactly the words shown, whatever the name.
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A command line of words, every one quoted (the fixed words too: the rule has no exceptions). */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
