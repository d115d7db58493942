/**
 * Imports and sources (docs/import.md): upload a file (multipart, streamed to disk, size-limited),
 * follow and cancel it, download its rejected rows; list and delete the sources a page can read.
 */
import { randomBytes, createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import {
  importList,
  importReport,
  rejectedSample,
  sourcesResponse,
  type ImportReport,
} from '../../../src/contract/imports';
import { CaseFileError, checkCaseHeader } from '../../../src/feeds/case-file';
import { TEXT_ENCODINGS } from '../../../src/feeds/columns/encoding';
import { suggestColumns } from '../../../src/feeds/columns/headers';
import { detectTimestampFormat } from '../../../src/feeds/columns/timestamp';
import { parseColumnMapping, type ColumnMapping } from '../../../src/feeds/mapping';
import { appendAudit } from '../../auth/audit';
import {
  formatBytes,
  IMPORT_PREFIX,
  ImportCancelled,
  ImportStoreError,
  storeFailure,
} from '../../import/imports';
import {
  openRecordFile,
  recordFormatOf,
  RecordFileError,
  type FileRecord,
  type RecordFile,
} from '../../import/readers';
import type { SupervisionService } from '../../service';
import { sendCsv } from '../export-stream';
import { ApiFailure, badRequest, notFound, route, type ApiRoute } from '../route';
import type { Viewer } from '../viewer';

const ALL = ['admin', 'supervisor', 'leader', 'liaison'] as const;
const IMPORTERS = ['admin', 'supervisor'] as const;
/** Records read before the import starts: the mapping and timestamp format are detected from them. */
const SAMPLE = 200;

const tooLarge = (max: number): ApiFailure =>
  new ApiFailure(
    413,
    'payload_too_large',
    `文件超过导入上限 ${formatBytes(max)} (the file exceeds the import limit of ${formatBytes(max)}, ${max} bytes)`,
  );

function isTooLarge(e: unknown): boolean {
  return (
    (e as { statusCode?: unknown; code?: unknown }).statusCode === 413 ||
    (e as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE'
  );
}

/** A rejected record's cells as text (it is stored as read: JSON of an object of cells). */
function cellsOf(raw: string): Record<string, string> {
  const text = (v: unknown): string =>
    v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  let v: unknown;
  try {
    v = raw === '' ? null : JSON.parse(raw);
  } catch {
    return { 记录: raw };
  }
  if (v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) return { 记录: raw };
  const out: Record<string, string> = {};
  for (const [k, cell] of Object.entries(v)) out[k] = text(cell);
  return out;
}

const idParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

interface Upload {
  fileName: string;
  path: string;
  sizeBytes: number;
  contentHash: string;
  fields: Record<string, string>;
}

/** The case mapping from the form field, else detected from the header (or the first record's keys). */
function mappingFor(
  given: string | undefined,
  header: readonly string[] | null,
  sample: readonly FileRecord[],
): { mapping: ColumnMapping | undefined; json: Record<string, unknown> } {
  if (given !== undefined && given.trim() !== '') {
    let raw: unknown;
    try {
      raw = JSON.parse(given);
    } catch (e) {
      throw badRequest(`映射不是有效的 JSON (mapping is not valid JSON: ${(e as Error).message})`);
    }
    const m = parseColumnMapping(raw);
    if (!m.ok) throw badRequest(`映射无效 (invalid mapping): ${m.reason}`);
    return { mapping: m.value, json: { ...m.value } };
  }
  let columnsOf = header;
  if (columnsOf === null) {
    const keys = new Set<string>();
    for (const r of sample) {
      if ('raw' in r && typeof r.raw === 'object' && r.raw !== null && !Array.isArray(r.raw))
        for (const k of Object.keys(r.raw)) keys.add(k);
    }
    columnsOf = [...keys];
  }
  const columns = suggestColumns('cases', columnsOf);
  const mapping: ColumnMapping = { columns };
  // The timestamp format the acceptance times read best in (ISO unless another reads more).
  const accepted = columns['acceptedAt'];
  if (accepted !== undefined) {
    const values: string[] = [];
    for (const r of sample) {
      if (!('raw' in r) || typeof r.raw !== 'object' || r.raw === null) continue;
      const v = (r.raw as Record<string, unknown>)[accepted];
      if (typeof v === 'string') values.push(v);
    }
    const detected = detectTimestampFormat(values);
    if (detected.format !== 'iso') mapping.timestampFormat = detected.format;
  }
  return { mapping, json: { ...mapping, detected: true } };
}

async function receive(
  service: SupervisionService,
  request: Parameters<ApiRoute['handler']>[0]['request'],
  id: string,
): Promise<Upload> {
  const max = service.imports.maxBytes;
  const dir = `${service.db.path}.imports`;
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${id}.upload`);
  let upload: Upload | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({
      limits: { fileSize: max, files: 1, fields: 10, fieldSize: 1024 * 1024 },
    })) {
      if (part.type === 'file') {
        const hash = createHash('sha256');
        let size = 0;
        const count = new Transform({
          transform(chunk: Buffer, _enc, done) {
            hash.update(chunk);
            size += chunk.length;
            done(null, chunk);
          },
        });
        await pipeline(part.file, count, createWriteStream(path));
        if (part.file.truncated) throw tooLarge(max);
        upload = {
          fileName: part.filename,
          path,
          sizeBytes: size,
          contentHash: hash.digest('hex'),
          fields,
        };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    await rm(path, { force: true });
    if (e instanceof ApiFailure) throw e;
    if (isTooLarge(e)) throw tooLarge(max);
    if ((e as NodeJS.ErrnoException).code === 'ENOSPC') {
      throw new ApiFailure(507, 'unavailable', storeFailure(e).message);
    }
    throw e;
  }
  if (upload === null) throw badRequest('缺少文件 (no file: send the file in a part named "file")');
  return upload;
}

async function audit(
  service: SupervisionService,
  viewer: Viewer,
  address: string,
  detail: Record<string, unknown>,
  action: 'import' | 'source-delete' = 'import',
): Promise<void> {
  await appendAudit(
    service.db,
    { userName: viewer.name, role: viewer.role, address, action, detail },
    Date.now(),
  );
}

function failureOf(e: unknown): ApiFailure {
  if (e instanceof ApiFailure) return e;
  if (e instanceof ImportCancelled) return new ApiFailure(409, 'conflict', e.message);
  if (e instanceof ImportStoreError) return new ApiFailure(507, 'unavailable', e.message);
  if (e instanceof RecordFileError)
    return badRequest(`${e.message}；未保存任何记录 (nothing was kept)`);
  return new ApiFailure(500, 'internal', storeFailure(e).message);
}

export function importRoutes(service: SupervisionService): ApiRoute[] {
  const imports = service.imports;
  return [
    route({
      method: 'POST',
      url: '/api/v1/imports',
      summary: '导入办件文件（multipart：file，可选 mapping、encoding）为新的数据源',
      roles: IMPORTERS,
      scope: 'city',
      query: z.object({
        replace: z.enum(['true', 'false']).optional(),
        async: z.enum(['true', 'false']).optional(),
      }),
      response: importReport,
      handler: async ({ request, reply, viewer, query }) => {
        const max = imports.maxBytes;
        const length = Number(request.headers['content-length']);
        // Refused up front: the limit is named before a byte of the body is read.
        if (Number.isFinite(length) && length > max + 64 * 1024) throw tooLarge(max);
        if (!request.isMultipart()) {
          throw badRequest(
            '须以 multipart/form-data 上传，文件放在 file 字段 (upload as multipart/form-data, the file in a part named "file")',
          );
        }
        const id = randomBytes(6).toString('hex');
        const upload = await receive(service, request, id);
        let file: RecordFile | null = null;
        let started = false;
        try {
          const format = recordFormatOf(upload.fileName);
          if (format === null) {
            throw badRequest(
              `无法从扩展名判断格式 '${upload.fileName}' (use .csv, .xlsx, .json, .ndjson or .jsonl)`,
            );
          }
          const encoding = upload.fields['encoding'];
          if (encoding !== undefined && !(TEXT_ENCODINGS as readonly string[]).includes(encoding)) {
            throw badRequest(`未知编码 '${encoding}' (encoding must be utf-8 or gb18030)`);
          }
          const same = await imports.sameContent(upload.contentHash);
          if (same.length > 0 && query.replace !== 'true') {
            const first = same[0] as ImportReport;
            throw new ApiFailure(
              409,
              'conflict',
              `相同内容的文件已导入为 ${first.source}（${first.fileName}，${first.createdAt}）；如要替换，请加 ?replace=true ` +
                `(a file with the same content hash was already imported as ${first.source}; add ?replace=true to replace it)`,
            );
          }
          try {
            file = await openRecordFile(upload.path, format, {
              ...(encoding === undefined ? {} : { encoding: encoding as 'utf-8' | 'gb18030' }),
            });
          } catch (e) {
            if (e instanceof RecordFileError) throw badRequest(e.message);
            throw e;
          }
          const sample: FileRecord[] = [];
          try {
            for (;;) {
              if (sample.length >= SAMPLE) break;
              const next = await file.records.next();
              if (next.done === true) break;
              sample.push(next.value);
            }
          } catch (e) {
            if (e instanceof RecordFileError) throw badRequest(e.message);
            throw e;
          }
          if (sample.length === 0) {
            throw badRequest(
              '文件没有数据行，未创建数据源 (no data rows: the file holds a header only)',
            );
          }
          const { mapping, json } = mappingFor(upload.fields['mapping'], file.header, sample);
          if (file.header !== null) {
            try {
              checkCaseHeader(file.header, mapping);
            } catch (e) {
              if (e instanceof CaseFileError) throw badRequest(e.message);
              throw e;
            }
          }
          const replaces = query.replace === 'true' ? same.map((s) => s.importId) : [];
          const address = request.ip;
          const opened = file;
          const { done } = await imports.start(
            {
              id,
              fileName: upload.fileName,
              sizeBytes: upload.sizeBytes,
              contentHash: upload.contentHash,
              mapping,
              mappingJson: json,
              createdBy: viewer.name,
              replaces,
            },
            opened,
            sample,
          );
          started = true;
          const settled = done.then(
            async (report) => {
              await audit(service, viewer, address, {
                importId: id,
                source: report.source,
                fileName: report.fileName,
                rows: report.rows,
                accepted: report.accepted,
                rejected: report.rejected,
                replaced: report.replaced,
                outcome: 'done',
              });
              return report;
            },
            async (e: unknown) => {
              await audit(service, viewer, address, {
                importId: id,
                source: IMPORT_PREFIX + id,
                fileName: upload.fileName,
                outcome: e instanceof ImportCancelled ? 'cancelled' : 'failed',
                error: e instanceof Error ? e.message : String(e),
              }).catch(() => undefined);
              throw e;
            },
          );
          settled.catch(() => undefined);
          void settled.finally(() => rm(upload.path, { force: true })).catch(() => undefined);
          if (query.async === 'true') {
            void reply.status(202);
            return (await imports.get(id)) as ImportReport;
          }
          try {
            const report = await settled;
            void reply.status(201);
            return report;
          } catch (e) {
            throw failureOf(e);
          }
        } finally {
          if (!started) {
            await file?.records.return(undefined).catch(() => undefined);
            await rm(upload.path, { force: true });
          }
        }
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/imports',
      summary: '导入记录（含进行中）',
      roles: IMPORTERS,
      scope: 'city',
      response: importList,
      handler: async () => ({ items: await imports.list() }),
    }),
    route({
      method: 'GET',
      url: '/api/v1/imports/:id',
      summary: '一次导入的进度与报告（state、rows 至今）',
      roles: IMPORTERS,
      scope: 'city',
      params: idParams,
      response: importReport,
      handler: async ({ params }) => {
        const r = await imports.get(params.id);
        if (r === null) throw notFound('该导入');
        return r;
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/v1/imports/:id',
      summary: '取消进行中的导入（不保存任何记录）',
      roles: IMPORTERS,
      scope: 'city',
      params: idParams,
      response: importReport,
      handler: async ({ params }) => {
        const r = await imports.get(params.id);
        if (r === null) throw notFound('该导入');
        if (!imports.cancel(params.id)) {
          throw new ApiFailure(
            409,
            'conflict',
            `该导入不在进行中（${r.state}）；删除数据源请用 DELETE /api/v1/sources/${r.source} (the import is not running)`,
          );
        }
        return (await imports.finished(params.id)) as ImportReport;
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/imports/:id/rejected',
      summary: '导入中未通过校验的前若干行（行号、序号、编号、原因、原始列），供导入报告预览',
      roles: IMPORTERS,
      scope: 'city',
      params: idParams,
      query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
      response: rejectedSample,
      handler: async ({ params, query }) => {
        const r = await imports.get(params.id);
        if (r === null) throw notFound('该导入');
        const rows = await imports.rejectedRows(params.id, query.limit);
        return {
          total: r.rejected,
          items: rows.map((row) => ({
            line: row.line,
            ordinal: row.ordinal,
            id: row.id,
            reason: row.reason,
            cells: cellsOf(row.raw),
          })),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/imports/:id/rejected.csv',
      summary: '导入中未通过校验的行（CSV：文件行号、记录序号、编号、原因、原始列）',
      roles: IMPORTERS,
      scope: 'city',
      params: idParams,
      produces: 'text/csv',
      handler: async ({ params, reply }) => {
        const r = await imports.get(params.id);
        if (r === null) throw notFound('该导入');
        const rows = await imports.rejectedRows(params.id);
        const parsed = rows.map((row) => ({ ...row, cells: cellsOf(row.raw) }));
        const columns = r.header ?? [...new Set(parsed.flatMap((p) => Object.keys(p.cells)))];
        await sendCsv(reply, `导入未通过的行-${r.fileName}`, parsed, [
          {
            header: r.position === 'sheet-row' ? '工作表行号' : '文件行号',
            kind: 'integer',
            value: (p) => p.line,
          },
          { header: '记录序号', kind: 'integer', value: (p) => p.ordinal },
          { header: '编号', kind: 'text', value: (p) => p.id },
          { header: '原因', kind: 'text', value: (p) => p.reason },
          ...columns.map((c) => ({
            header: c,
            kind: 'text' as const,
            value: (p: (typeof parsed)[number]) => p.cells[c] ?? '',
          })),
        ]);
        return reply;
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/sources',
      summary: '可选的数据源：城市接口与已导入的数据集',
      roles: ALL,
      scope: 'city',
      response: sourcesResponse,
      handler: async () => {
        const city = service.evaluated;
        const done = (await imports.list()).filter((i) => i.state === 'done');
        return {
          items: [
            {
              id: 'city',
              kind: 'feed' as const,
              label: '城市接口',
              cases: city?.model.rows.length ?? null,
              hasTasks: city === null ? null : city.dataset.tasks.length > 0,
              importedAt: null,
              importedBy: null,
              rows: null,
              rejected: null,
              contentHash: null,
              memoryRefusal: service.cityMemoryRefusal,
            },
            ...done.map((i) => ({
              id: i.source,
              kind: 'import' as const,
              label: i.fileName,
              cases: i.accepted,
              // An imported case file holds no 督查事项.
              hasTasks: false,
              importedAt: i.finishedAt,
              importedBy: i.createdBy,
              rows: i.rows,
              rejected: i.rejected,
              contentHash: i.contentHash,
              memoryRefusal: i.memoryRefusal,
            })),
          ],
        };
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/v1/sources/:id',
      summary: '删除导入的数据源（城市接口不可删除）',
      roles: IMPORTERS,
      scope: 'city',
      params: z.object({ id: z.string().min(1).max(80) }),
      handler: async ({ params, viewer, request, reply }) => {
        if (!params.id.startsWith(IMPORT_PREFIX)) {
          throw badRequest(
            '只能删除导入的数据源 (only imported sources import:<id> can be deleted)',
          );
        }
        const id = params.id.slice(IMPORT_PREFIX.length);
        if (imports.isRunning(id)) {
          throw new ApiFailure(
            409,
            'conflict',
            '导入仍在进行，请先取消 (the import is still running: cancel it first)',
          );
        }
        const report = await imports.get(id);
        if (report === null || !(await imports.deleteSource(id)))
          throw notFound(`数据源 ${params.id}`);
        await audit(
          service,
          viewer,
          request.ip,
          { source: params.id, fileName: report.fileName, rows: report.rows },
          'source-delete',
        );
        void reply.status(204);
        return reply.send();
      },
    }),
  ];
}
