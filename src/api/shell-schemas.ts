/**
 * The shell's requests are parsed with the contract's schemas like every other request, but those
 * schemas (and zod, ~26 KB gzip) are not part of the first route's JS: they load as their own chunk
 * when the first request starts, in parallel with it, so the first route stays within its budget
 * (≤ 300 KB gzip, issue 13; docs/performance.md). `apiGet` and `apiSend` await the schema only
 * after the answer arrived.
 */
const load = () => import('../contract/shell-answers');

export type ShellSchemas = Omit<Awaited<ReturnType<typeof load>>, 'default'>;

export function shellSchema<K extends keyof ShellSchemas>(name: K): Promise<ShellSchemas[K]> {
  return load().then((schemas) => schemas[name]);
}
