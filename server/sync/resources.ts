/**
 * The feed resources the service syncs, each with the boundary validator it shares with the CLI
 * and file import, and how to read a record's identity and last change.
 */
import type { FeedResource } from '../../src/feeds/query-keys';
import type { RecordParser } from '../../src/feeds/result';
import { parseCase } from '../../src/feeds/schemas/case';
import { parseCaseEvent } from '../../src/feeds/schemas/case-event';
import { parseDepartment } from '../../src/feeds/schemas/department';
import { parseEvaluation } from '../../src/feeds/schemas/evaluation';
import { parseServiceItem } from '../../src/feeds/schemas/service-item';
import { parseSupervisionTask } from '../../src/feeds/schemas/supervision-task';

export interface ResourceSpec {
  resource: FeedResource;
  parse: RecordParser<{ updatedAt: number }>;
  idOf(record: object): string;
}

function field(record: object, key: 'id' | 'code'): string {
  const value: unknown = (record as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

/** In load order: reference data first, so a page of cases can be judged against it later. */
export const SYNC_RESOURCES: readonly ResourceSpec[] = [
  { resource: 'departments', parse: parseDepartment, idOf: (r) => field(r, 'id') },
  { resource: 'items', parse: parseServiceItem, idOf: (r) => field(r, 'code') },
  { resource: 'cases', parse: parseCase, idOf: (r) => field(r, 'id') },
  { resource: 'case-events', parse: parseCaseEvent, idOf: (r) => field(r, 'id') },
  { resource: 'evaluations', parse: parseEvaluation, idOf: (r) => field(r, 'id') },
  { resource: 'tasks', parse: parseSupervisionTask, idOf: (r) => field(r, 'id') },
];
