/**
 * What `GET /demo/touch?cases=n` changes on the demo platform — one definition for the in-memory
 * feed (scripts/cli/demo-feed-command.ts `touchCases`) and the disk-backed one (mocks/disk-feed):
 * n cases spread evenly over the city get an `updatedAt` one minute after the previous server
 * clock, which moves on a minute and a half; the next incremental pass fetches exactly those cases.
 */
import { formatShanghaiIso } from '../src/domain/time-limit';

export interface TouchPlan {
  /** The touched cases' new `updatedAt`. */
  stamp: string;
  /** The server clock afterwards. */
  serverTime: string;
  /** Positions of the touched cases in the feed's case order, ascending. */
  indexes: number[];
}

/** @param round - 1 for the first touch, 2 for the next… (moves the spread so rounds differ) */
export function touchPlan(
  serverTime: string,
  caseCount: number,
  n: number,
  round: number,
): TouchPlan {
  const clock = Date.parse(serverTime) + 60_000;
  const step = Math.max(1, Math.floor(caseCount / n));
  const indexes: number[] = [];
  for (let k = 0, i = round % step; k < n && i < caseCount; k++, i += step) indexes.push(i);
  return {
    stamp: formatShanghaiIso(clock),
    serverTime: formatShanghaiIso(clock + 30_000),
    indexes,
  };
}
