/**
 * Reads a source's raw records back from the store into the typed dataset the domain core works
 * on. The store is outside input too: every record is re-validated by the same boundary parser
 * (a record that no longer passes — e.g. after a validator became stricter — is counted, not used).
 */
import { indexDataset, type IndexedDataset } from '../../src/engine/dataset';
import type { FeedResource } from '../../src/feeds/query-keys';
import type { RecordParser } from '../../src/feeds/result';
import { parseCase } from '../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../src/feeds/schemas/department';
import { parseEvaluation } from '../../src/feeds/schemas/evaluation';
import { parseServiceItem } from '../../src/feeds/schemas/service-item';
import { parseSupervisionTask } from '../../src/feeds/schemas/supervision-task';
import type { Database } from '../store/database';

export interface LoadedDataset {
  dataset: IndexedDataset;
  /** Stored records that fail validation now. */
  invalid: number;
}

export async function loadDataset(db: Database, source: string): Promise<LoadedDataset> {
  let invalid = 0;
  async function read<T>(resource: FeedResource, parse: RecordParser<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const rows of db.stream(
      'SELECT body FROM raw_records WHERE source = $1 AND resource = $2 ORDER BY id',
      [source, resource],
    )) {
      for (const row of rows) {
        let raw: unknown;
        try {
          raw = JSON.parse(String(row['body']));
        } catch {
          invalid++;
          continue;
        }
        const o = parse(raw);
        if (o.ok) out.push(o.value);
        else invalid++;
      }
    }
    return out;
  }
  const dataset = indexDataset({
    departments: await read('departments', parseDepartment),
    items: await read('items', parseServiceItem),
    cases: await read('cases', parseCase),
    caseEvents: await read('case-events', parseCaseEvent),
    evaluations: await read('evaluations', parseEvaluation),
    tasks: await read('tasks', parseSupervisionTask),
  });
  return { dataset, invalid };
}
