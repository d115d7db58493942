/** Reading the `meta` every view answer carries. */
import type { ResponseMeta } from '../contract/api-common';
import { shanghaiDayOf, type DayIndex } from '../domain/calendar/day';

/** The instant the figures are as of, epoch ms. */
export function asOfMsOf(meta: ResponseMeta): number {
  return Date.parse(meta.asOf);
}

/** The civil day (Asia/Shanghai) the figures are as of. */
export function asOfDayOf(meta: ResponseMeta): DayIndex {
  return shanghaiDayOf(asOfMsOf(meta));
}
