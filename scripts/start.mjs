#!/usr/bin/env node
// `npm start`: build, then open the Electron app. Where the Electron runtime is missing (it is
// downloaded on first start; offline machines cannot), say so in one sentence and start browser
// mode instead, so a researcher can always work.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const extraArgs = process.argv.slice(2);

// Read from the package's path.txt, not require('electron'): in Electron 45 (not 41), requiring it
// tries to download a missing runtime itself, loudly; the download below is tried once, quietly.
function electronBinary() {
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'),
    readFileSync(pathFile, 'utf8'),
  );
  return existsSync(binary) ? binary : null;
}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
}

const build = run(process.execPath, [
  path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
  'build',
  '--logLevel',
  'warn',
]);
if (build.status !== 0) process.exit(build.status ?? 1);

let binary = electronBinary();
if (
  !binary &&
  existsSync(path.join(root, 'node_modules/electron/install.js')) &&
  !process.env.HASHIYA_NO_ELECTRON_DOWNLOAD
) {
  // npm install runs with scripts off (.npmrc); fetch the runtime now, once, if the network allows.
  const fetched = run(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { stdio: 'ignore' });
  if (fetched.status === 0) binary = electronBinary();
}

if (binary) {
  const child = spawn(binary, ['.', ...extraArgs], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'The Electron runtime is not installed on this machine (it could not be downloaded), so Hashiya is starting in browser mode instead.',
  );
  const child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
