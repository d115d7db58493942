/**
 * The layering rules are what keep the domain core pure: prove that lint rejects the imports the
 * architecture forbids and accepts the ones it allows, on the real eslint.config.js.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries (eslint.config.js)', () => {
  it('rejects React (or any package) in src/domain', async () => {
    expect(
      await errors(
        'src/domain/calendar/probe.ts',
        "import React from 'react';\nexport const a = React;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await errors(
        'src/domain/ranking/probe.ts',
        "import { z } from 'zod';\nexport const a = z;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('rejects a relative import leaving src/domain, allows one within it', async () => {
    expect(
      await errors(
        'src/domain/calendar/probe.ts',
        "import { feedKeys } from '../../feeds/query-keys';\nexport const a = feedKeys;\n",
      ),
    ).toContain('layers/boundaries');
    expect(
      await errors(
        'src/domain/ranking/probe.ts',
        "import { dayFromIso } from '../calendar/day';\nexport const a = dayFromIso;\n",
      ),
    ).toEqual([]);
  });

  it('rejects a feature importing another feature, and a lower layer importing a feature', async () => {
    expect(
      await errors(
        'src/features/alerts/probe.ts',
        "import { OverviewPage } from '../overview/overview-page';\nexport const a = OverviewPage;\n",
      ),
    ).toContain('layers/boundaries');
    expect(
      await errors(
        'src/feeds/probe.ts',
        "import { AlertsPage } from '../features/alerts/alerts-page';\nexport const a = AlertsPage;\n",
      ),
    ).toContain('layers/boundaries');
  });

  it('rejects production code importing mocks, even dynamically', async () => {
    expect(
      await errors(
        'src/app/probe.ts',
        "export const load = () => import('../../mocks/browser');\n",
      ),
    ).toContain('layers/boundaries');
  });

  it('rejects dangerouslySetInnerHTML in the app', async () => {
    expect(
      await errors(
        'src/ui/probe.tsx',
        'export const A = ({ h }: { h: string }) => <div dangerouslySetInnerHTML={{ __html: h }} />;\n',
      ),
    ).toContain('no-restricted-syntax');
  });
});
