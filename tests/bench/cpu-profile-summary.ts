/**
 * Where a V8 CPU profile's time went: milliseconds per function, inclusive (a sample counts once
 * per function on its stack) and self. Shared by the benches that profile one step
 * (tests/bench/incremental-profile.ts, the service host of `bench:service --profile-incremental`).
 */
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export function summariseProfile(p: Profile, inclusiveRows = 45, selfRows = 25): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode): string => {
    const file = n.callFrame.url.replace(/^.*\/(wt-[^/]+|main)\//, '').replace(/^file:\/\//, '');
    return `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
  };
  const incl = new Map<string, number>();
  const self = new Map<string, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    let node = byId.get(samples[i] ?? -1);
    if (node === undefined) continue;
    self.set(name(node), (self.get(name(node)) ?? 0) + ms);
    const seen = new Set<string>();
    while (node !== undefined) {
      const k = name(node);
      if (!seen.has(k)) {
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + ms);
      }
      const up = parent.get(node.id);
      node = up === undefined ? undefined : byId.get(up);
    }
  }
  const top = (m: Map<string, number>, n: number): string =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  return `inclusive:\n${top(incl, inclusiveRows)}\nself:\n${top(self, selfRows)}`;
}

export interface GcTally {
  /** Collections and their pause time in ms, by kind. */
  minor: { count: number; ms: number };
  major: { count: number; ms: number };
  incremental: { count: number; ms: number };
  weakcb: { count: number; ms: number };
}

/**
 * Counts garbage collections and their pauses from now on (`perf_hooks` gc entries), so a step's
 * figure says how much of it was the collector; `take()` returns the tally so far and starts anew.
 */
export function watchGc(): { take: () => GcTally } {
  const fresh = (): GcTally => ({
    minor: { count: 0, ms: 0 },
    major: { count: 0, ms: 0 },
    incremental: { count: 0, ms: 0 },
    weakcb: { count: 0, ms: 0 },
  });
  let tally = fresh();
  const kindOf = (e: PerformanceEntry): keyof GcTally | null => {
    // Node's types leave `detail` off PerformanceEntry; gc entries carry { kind, flags } there.
    const detail: unknown = Reflect.get(e, 'detail');
    const kind =
      typeof detail === 'object' && detail !== null && 'kind' in detail ? detail.kind : null;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) return 'minor';
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) return 'major';
    if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) return 'incremental';
    if (kind === constants.NODE_PERFORMANCE_GC_WEAKCB) return 'weakcb';
    return null;
  };
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const k = kindOf(e);
      if (k === null) continue;
      tally[k].count++;
      tally[k].ms += e.duration;
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  return {
    take: () => {
      const out = tally;
      tally = fresh();
      return out;
    },
  };
}
