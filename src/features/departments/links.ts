/**
 * Links from the department page to the other pages, carrying the period and this department as
 * the agreed `dept` param (whatever department the global param held before).
 */
export function withDept(
  globalSearch: string,
  departmentId: string,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams(globalSearch);
  params.set('dept', departmentId);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `?${params.toString()}`;
}
