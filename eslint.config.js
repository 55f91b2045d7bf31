// Lint, including the import layering of DESIGN.md §1: the renderer never reaches Electron or
// Node; src/shared reaches neither main nor renderer; only the shell imports 'electron'; and inside
// src/ every file imports only the layers the table below allows it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './eslint/layers.js';

// The layers, and what each may import (an allow-list: anything not listed is an error).
// A place is a folder (`src/main/store/`), a file, or `folder/*/` (each subfolder a unit of its
// own, which reaches another unit only through that unit's index.ts); a file belongs to the
// longest place that holds it. `X:barrel` means "X, through its index.ts only". Imports inside
// one layer (or one unit) are free.
const MAIN = [
  'shared',
  'events',
  'store',
  'import',
  'search',
  'codebook',
  'exchange',
  'layers',
  'services',
  'server',
  'shell',
];
const PAGE = ['shared', 'page kit', 'session', 'reader', 'features', 'library'];
// prettier-ignore
export const LAYERS = [
  // name         places                                                              may import
  { name: 'shared',   places: ['src/shared/'],                                        may: [] },
  // main process
  { name: 'events',   places: ['src/main/events.ts'],                                 may: ['shared'] },
  { name: 'store',    places: ['src/main/store/'],                                    may: ['shared', 'events'] },
  { name: 'import',   places: ['src/main/import/'],                                   may: ['shared', 'events', 'store'] },
  { name: 'search',   places: ['src/main/search/'],                                   may: ['shared', 'events', 'store'] },
  { name: 'codebook', places: ['src/main/codebook/'],                                 may: ['shared', 'events', 'store'] },
  { name: 'exchange', places: ['src/main/exchange/'],                                 may: ['shared', 'events', 'store'] },
  { name: 'layers',   places: ['src/main/layers/'],                                   may: ['shared', 'events', 'store', 'import', 'exchange'] },
  { name: 'services', places: ['src/main/services/'],                                 may: ['shared', 'events', 'store', 'import', 'search', 'codebook', 'exchange', 'layers'] },
  { name: 'server',   places: ['src/main/server/'],                                   may: ['shared', 'events', 'services'] },
  { name: 'shell',    places: ['src/main/shell/'],                                    may: ['shared', 'events', 'services'] },
  { name: 'main entry', places: ['src/main/index.ts', 'src/main/web.ts', 'src/main/app.ts', 'src/main/recovery.ts',
                                 'src/main/host/', 'src/main/web/'],               may: MAIN },
  { name: 'preload',  places: ['src/preload/'],                                       may: ['shared'] },
  // the page
  { name: 'page kit', places: ['src/renderer/src/app/', 'src/renderer/src/api/', 'src/renderer/src/i18n.ts'],
                                                                                      may: ['shared'] },
  { name: 'session',  places: ['src/renderer/src/reader/session/'],                   may: ['shared'] },
  { name: 'reader',   places: ['src/renderer/src/reader/'],                           may: ['shared', 'page kit', 'session'] },
  { name: 'features', places: ['src/renderer/src/features/*/'],                       may: ['shared', 'page kit', 'session', 'reader:barrel', 'features:barrel'] },
  { name: 'library',  places: ['src/renderer/src/library/'],                          may: ['shared', 'page kit', 'session', 'reader:barrel', 'features:barrel'] },
  { name: 'page entry', places: ['src/renderer/src/App.tsx', 'src/renderer/src/main.tsx', 'src/renderer/src/styles/'],
                                                                                      may: PAGE },
];

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'worker_threads',
  'stream',
];

// Imports that break the table today and are on their way out; each says until when.
export const LAYER_EXCEPTIONS = [];

const rendererPatterns = [
  {
    group: ['electron', 'electron/*'],
    message: 'The renderer talks to the main process only through the API client.',
  },
  { group: nodeBuiltins, message: 'The renderer runs in a sandboxed page: no Node modules.' },
  {
    group: ['**/main/**', '**/preload/**'],
    message: 'The renderer may import src/shared, never main or preload.',
  },
];

// the page's globals the session must not touch (Event and EventTarget exist in Node too, so they stay)
const domGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'getSelection',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'matchMedia',
  'HTMLElement',
  'Element',
  'Node',
  'Range',
  'Selection',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // the classic hook rules; the React Compiler rules of v7 assume code written for the compiler
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: rendererPatterns }],
    },
  },
  {
    // the reader's session is plain TypeScript: unit-tested without a page, React or a DOM
    files: ['src/renderer/src/reader/session/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
              message: 'reader/session is framework-free: no React (the view subscribes to it).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({
          name,
          message: 'reader/session is framework-free: no DOM; pass what it needs in (reader/dom/ reads the page).',
        })),
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'], // a test composes whatever it checks
    plugins: { layers: layersPlugin(LAYERS, LAYER_EXCEPTIONS) },
    rules: { 'layers/allowed-imports': 'error' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'src/shared runs everywhere; no Electron.' },
            { group: nodeBuiltins, message: 'src/shared runs in the page too; no Node modules.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared imports nothing from main, renderer or preload.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message:
                'Only the Electron shell (src/main/index.ts, src/main/shell/) imports electron; services run in browser mode too.',
            },
            { group: ['**/renderer/**'], message: 'The main process never imports renderer code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/shell/**/*.ts'],
    ignores: ['src/main/shell/menu.ts'],
    rules: {
      // shell helpers stay pure (unit-tested without Electron); only index.ts touches the runtime
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Keep shell helpers pure; apply them in src/main/index.ts.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
