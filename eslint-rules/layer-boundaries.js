// @ts-check
/**
 * A local ESLint rule enforcing the layering of docs/architecture.md by resolved file paths:
 * an import (static, re-export or dynamic import()) whose relative specifier resolves into a
 * forbidden zone is an error. It needs no module resolver: the zones are folders, so the resolved
 * path prefix decides. (Written in-house because the npm registry here cannot serve the native
 * resolver bindings eslint-plugin-import-x needs on every platform, which broke `npm ci`.)
 */
import { dirname, resolve, sep } from 'node:path';

/** @param {string} parent @param {string} child */
function inside(parent, child) {
  return child === parent || child.startsWith(parent + sep);
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports must respect the layer zones (target may not import from).' },
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                target: { type: 'string' },
                from: { type: 'string' },
                except: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['target', 'from'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const cwd = context.cwd;
    /** @type {{target: string, from: string, except?: string[], message?: string}[]} */
    const zones = context.options[0]?.zones ?? [];
    const file = context.filename;
    const active = zones
      .map((z) => ({
        target: resolve(cwd, z.target),
        from: resolve(cwd, z.from),
        except: (z.except ?? []).map((e) => resolve(cwd, z.from, e)),
        message: z.message ?? `Importing from ${z.from} is not allowed in ${z.target}.`,
      }))
      .filter((z) => inside(z.target, file));
    if (active.length === 0) return {};

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const imported = resolve(dirname(file), source);
      for (const zone of active) {
        if (inside(zone.from, imported) && !zone.except.some((e) => inside(e, imported))) {
          context.report({
            node,
            message: `Unexpected path "${source}" imported in restricted zone. ${zone.message}`,
          });
          return;
        }
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
