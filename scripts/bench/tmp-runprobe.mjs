import { build } from 'rolldown';
import path from 'node:path';
await build({ input: process.argv[2], platform: 'node', external: (id) => !id.startsWith('.') && !path.isAbsolute(id), output: { dir: '/work/main/node_modules/.cache/probe', entryFileNames: 'probe.mjs', format: 'esm' }, logLevel: 'warn' });
