/**
 * The layer table of eslint.config.js, fed through ESLint itself: an import each layer must not
 * make is an error naming the rule, one it may make is not. (The real tree is linted clean by
 * `npm run lint`.)
 */
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it, vi } from 'vitest';

// the first lint loads ESLint and the TypeScript parser: slow on a busy machine
vi.setConfig({ testTimeout: 120_000 });

const eslint = new ESLint({ cwd: process.cwd() });
const LAYER_RULES = new Set(['layers/allowed-imports', 'no-restricted-imports', 'no-restricted-globals']);

async function layerErrors(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId) && m.severity === 2);
}

const forbidden: Array<[string, string, string]> = [
  // [what, file, code]
  ['store → server', 'src/main/store/lintProbe.ts', "import '../server/http';"],
  [
    'store → services (type only)',
    'src/main/store/lintProbe.ts',
    "export type { ServiceContext } from '../services/context';",
  ],
  ['services → shell', 'src/main/services/lintProbe.ts', "import '../shell/menu';"],
  ['services → server', 'src/main/services/lintProbe.ts', "import '../server/http';"],
  [
    'exchange → services',
    'src/main/exchange/lintProbe.ts',
    "import type { ServiceContext } from '../services/context';\nexport type X = ServiceContext;",
  ],
  ['import → search', 'src/main/import/lintProbe.ts', "import '../search/searchIndex';"],
  ['search → codebook', 'src/main/search/lintProbe.ts', "export * from '../codebook/usageIndex';"],
  [
    'codebook → exchange (dynamic import)',
    'src/main/codebook/lintProbe.ts',
    "export const load = () => import('../exchange/csvExport');",
  ],
  ['shell → server', 'src/main/shell/lintProbe.ts', "import '../server/security';"],
  ['server → shell', 'src/main/server/lintProbe.ts', "import '../shell/menu';"],
  ['server → the entry points', 'src/main/server/lintProbe.ts', "import '../app';"],
  ['events → store', 'src/main/events.ts', "import './store/projectStore';"],
  ['shared → main', 'src/shared/lintProbe.ts', "import '../main/events';"],
  ['shared → renderer', 'src/shared/api/lintProbe.ts', "import '../../renderer/src/i18n';"],
  ['preload → renderer', 'src/preload/lintProbe.ts', "import '../renderer/src/api/client';"],
  ['preload → main', 'src/preload/lintProbe.ts', "import '../main/services';"],
  ['page kit → features', 'src/renderer/src/app/lintProbe.ts', "import '../features/import';"],
  ['session → reader', 'src/renderer/src/reader/session/lintProbe.ts', "import '../textModel';"],
  ['session → page kit', 'src/renderer/src/reader/session/lintProbe.ts', "import '../../api/client';"],
  [
    'session → React',
    'src/renderer/src/reader/session/lintProbe.ts',
    "import { useState } from 'react';\nexport const s = useState;",
  ],
  [
    'session → the DOM (window)',
    'src/renderer/src/reader/session/lintProbe.ts',
    'export const w = () => window.innerWidth;',
  ],
  [
    'session → the DOM (document)',
    'src/renderer/src/reader/session/lintProbe.ts',
    'export const d = () => document.title;',
  ],
  ['reader → features', 'src/renderer/src/reader/lintProbe.ts', "import '../features/search/FindBar';"],
  ['reader → a feature barrel', 'src/renderer/src/reader/lintProbe.ts', "import '../features/codebook';"],
  [
    'feature → reader internals',
    'src/renderer/src/features/search/lintProbe.ts',
    "import '../../reader/ReaderContext';",
  ],
  [
    'feature → another feature’s internals',
    'src/renderer/src/features/export/lintProbe.ts',
    "import '../import/events';",
  ],
  ['feature → the page entry', 'src/renderer/src/features/export/lintProbe.ts', "import '../../App';"],
  [
    'library → a feature’s internals',
    'src/renderer/src/library/lintProbe.ts',
    "import '../features/import/ImportControls';",
  ],
  ['renderer → main', 'src/renderer/src/app/lintProbe.ts', "import '../../../main/events';"],
];

const allowed: Array<[string, string, string]> = [
  ['store → shared (alias)', 'src/main/store/lintProbe.ts', "import '@shared/model';"],
  ['store → events', 'src/main/store/lintProbe.ts', "import '../events';"],
  ['exchange → store', 'src/main/exchange/lintProbe.ts', "import '../store/projectStore';"],
  ['search → store', 'src/main/search/lintProbe.ts', "import '../store/projectStore';"],
  [
    'services → store, import, search, codebook, exchange, events',
    'src/main/services/lintProbe.ts',
    "import '../store/projectStore';\nimport '../import';\nimport '../search/searchIndex';\nimport '../codebook/usageIndex';\nimport '../exchange/csvExport';\nimport '../events';",
  ],
  ['server → services', 'src/main/server/lintProbe.ts', "import '../services';"],
  [
    'shell → services and shared',
    'src/main/shell/lintProbe.ts',
    "import '../services';\nimport '@shared/pageDelivery';",
  ],
  [
    'entry points → everything',
    'src/main/web.ts',
    "import './server/http';\nimport './shell/menu';\nimport './store/projectStore';",
  ],
  [
    'the host folder → everything',
    'src/main/host/lintProbe.ts',
    "import '../services';\nimport '../store/projectStore';\nimport '../events';",
  ],
  ['preload → shared', 'src/preload/lintProbe.ts', "import '@shared/api';"],
  [
    'session → shared',
    'src/renderer/src/reader/session/lintProbe.ts',
    "import '@shared/serialQueue';\nimport './other';",
  ],
  [
    'reader → session, page kit',
    'src/renderer/src/reader/lintProbe.ts',
    "import './session/annotationSession';\nimport '../app/Modal';\nimport '../i18n';",
  ],
  [
    'feature → page kit, reader barrel, session, feature barrel, itself',
    'src/renderer/src/features/search/lintProbe.ts',
    "import '../../app/Modal';\nimport '../../reader';\nimport '../../reader/session/annotationSession';\nimport '../import';\nimport '../codebook/index';\nimport './FindBar';",
  ],
  [
    'library → page kit and feature barrels',
    'src/renderer/src/library/lintProbe.ts',
    "import '../app/Modal';\nimport '../features/import';",
  ],
  [
    'page entry → everything',
    'src/renderer/src/App.tsx',
    "import './features/search/ProjectSearch';\nimport './reader/ReaderView';",
  ],
];

describe('the layer table in eslint.config.js', () => {
  it.each(forbidden)('refuses %s', async (_what, file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors.length, `${file}:\n${code}`).toBeGreaterThan(0);
  });

  it.each(allowed)('accepts %s', async (_what, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('says which layer, what it may import and where the table is', async () => {
    const [error] = await layerErrors('src/main/store/lintProbe.ts', "import '../server/http';");
    expect(error!.message).toContain('store (src/main/store/lintProbe.ts) may import shared, events; not server');
    expect(error!.message).toContain('eslint.config.js');
  });
});
