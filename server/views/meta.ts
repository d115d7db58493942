import type { ResponseMeta } from '../../src/contract/api-common';
import { formatShanghaiIso } from '../../src/domain/time-limit';
import type { EvaluatedSource } from '../jobs/evaluate';

/** What every figure is as of, and under which settings version. */
export function metaOf(e: EvaluatedSource): ResponseMeta {
  return {
    asOf: formatShanghaiIso(e.asOfMs),
    settingsVersion: e.settings.version,
    source: e.source,
  };
}
