/**
 * A full disk, as the store reports it: Node's ENOSPC, or DuckDB's "No space left on device" inside
 * its IO error text. The import and the sync both turn it into a message a user can act on.
 */
export function isDiskFull(e: unknown): boolean {
  const code = e instanceof Error && 'code' in e ? e.code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return code === 'ENOSPC' || /no space left|disk is full|ENOSPC|out of disk/i.test(message);
}
