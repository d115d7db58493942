// @ts-check
/**
 * Lint config. The import zones below enforce the one-way layering of docs/architecture.md:
 *   domain ← contract ← api, feeds, engine, charts, export ← features ← app
 * and keep features independent of each other and production code free of mocks/tests.
 */
import { readdirSync, existsSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { layerBoundaries } from './eslint-rules/layer-boundaries.js';
import globals from 'globals';

const featureDirs = existsSync('src/features')
  ? readdirSync('src/features', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : [];

const srcDirs = [
  'api',
  'contract',
  'app',
  'domain',
  'feeds',
  'engine',
  'features',
  'charts',
  'export',
  'state',
  'i18n',
  'ui',
];

/** @type {Array<{target: string, from: string, except?: string[], message: string}>} */
const zones = [
  // domain is pure: nothing from the rest of the app, mocks or tests.
  {
    target: './src/domain',
    from: './src',
    except: ['./domain'],
    message:
      'src/domain 是纯领域层，不能依赖应用其它部分 (domain must not import outside src/domain).',
  },
  // lower layers never reach up into features, app, state or ui.
  ...['api', 'contract', 'feeds', 'engine', 'charts', 'export'].flatMap((layer) =>
    ['features', 'app'].map((upper) => ({
      target: `./src/${layer}`,
      from: `./src/${upper}`,
      message: `src/${layer} 不能依赖 src/${upper} (imports flow one way).`,
    })),
  ),
  {
    target: './src/features',
    from: './src/app',
    message: 'features 不能依赖 app: app composes features, not the other way round.',
  },
  // no feature imports another feature.
  ...featureDirs.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message:
      '功能模块之间不能互相引用 (a feature must not import another feature); share through ui/, state/ or a lower layer.',
  })),
  // the service never imports SPA code (it shares only domain, contract and the pure engine/feeds
  // modules), and the SPA never imports the service.
  ...['app', 'features', 'charts', 'export', 'state', 'i18n', 'ui'].map((dir) => ({
    target: './server',
    from: `./src/${dir}`,
    message:
      'server/ 不能引用看板代码 (the service imports only src/domain, src/contract and pure modules).',
  })),
  ...srcDirs.map((dir) => ({
    target: `./src/${dir}`,
    from: './server',
    message: '看板代码不能引用 server/ (the SPA talks to the service over HTTP only).',
  })),
  { target: './server', from: './mocks', message: 'server/ 不能引用 mocks/ (production code).' },
  { target: './server', from: './tests', message: 'server/ 不能引用 tests/ (production code).' },
  // production code never imports mocks or tests (src/main.tsx's demo switch is the one exception).
  ...srcDirs.flatMap((dir) =>
    ['./mocks', './tests'].map((from) => ({
      target: `./src/${dir}`,
      from,
      message: '生产代码不能引用 mocks/ 或 tests/ (only src/main.tsx may load the demo mocks).',
    })),
  ),
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'coverage',
      'public/mockServiceWorker.js',
      'test-results',
      // The CLI's esbuild bundles (scripts/cli-launch.mjs): generated from the sources linted here.
      '.cache',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { layers: { rules: { boundaries: layerBoundaries } }, 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'react/no-danger': 'off',
      'layers/boundaries': ['error', { zones }],
    },
  },
  {
    // The domain core imports no package at all: no React, antd, zustand, zod, msw, recharts, node:*.
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.)',
              message:
                'src/domain 只能引用 src/domain 内的相对路径 (no packages: no React, antd, zustand, zod, msw, recharts, node APIs).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'domain has no DOM' },
        { name: 'document', message: 'domain has no DOM' },
        { name: 'fetch', message: 'domain has no network' },
        { name: 'localStorage', message: 'domain has no storage' },
      ],
    },
  },
  {
    // zod comes configured from src/contract/zod.ts (no eval probe under the CSP; see that file).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/domain/**', 'src/contract/zod.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message: "import { z } from src/contract/zod.ts (configured for the browser's CSP).",
            },
          ],
        },
      ],
    },
  },
  {
    // dangerouslySetInnerHTML is banned everywhere in the app (feed data must never become HTML).
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: '禁止 dangerouslySetInnerHTML (never render HTML from data).',
        },
      ],
    },
  },
);
