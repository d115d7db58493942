/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
import { z } from 'zod';
import { apiErrorSchema } from '../../src/contract/api-error';
import type { ApiRoute } from './route';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): unknown {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  } catch {
    return {};
  }
}

export function openApiDocument(routes: readonly ApiRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const op: Record<string, unknown> = {
      summary: r.summary,
      'x-roles': r.scope === 'public' ? 'public' : r.roles,
      'x-scope': r.scope,
      responses: {
        200: r.response
          ? {
              description: 'OK',
              content: { 'application/json': { schema: jsonSchema(r.response, 'output') } },
            }
          : { description: 'OK', content: { [r.produces ?? 'application/octet-stream']: {} } },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: jsonSchema(apiErrorSchema, 'output') } },
        },
      },
    };
    if (r.query) op['x-query-schema'] = jsonSchema(r.query, 'input');
    if (r.body)
      op['requestBody'] = {
        content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
      };
    const params = /:([A-Za-z]+)/g;
    const names = [...r.url.matchAll(params)].map((m) => m[1]);
    if (names.length > 0) {
      op['parameters'] = names.map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
    }
    if (r.sourced === true) {
      const list = (op['parameters'] as unknown[] | undefined) ?? [];
      list.push({
        name: 'source',
        in: 'query',
        required: false,
        description: '数据源：city（默认）或 import:<id> (the source the figures come from)',
        schema: { type: 'string', pattern: '^(city|import:[A-Za-z0-9_-]{1,64})$', default: 'city' },
      });
      op['parameters'] = list;
    }
    paths[path] = { ...paths[path], [r.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: { title: '效能督查服务 API', version: '1' },
    paths,
  };
}
