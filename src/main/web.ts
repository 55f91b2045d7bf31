/**
 * Browser mode: `npm run web -- --data DIR --port N --token-file PATH --no-open` (or the token in
 * HASHIYA_TOKEN, or --token T). Serves the same
 * renderer and the same services as the Electron app, on 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultProjectDir, openProject, userDataDir } from './app';
import { closeReaderWorker } from './import/readerWorker';
import { startWebServer } from './server/http';
import { ArgsError, parseWebArgs, resolveToken } from './web/args';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const resourcesDir = path.resolve(here, '../../resources');

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(cmd as string, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.error(`Could not open a browser; open ${url} yourself.`));
  child.unref();
}

async function main(): Promise<void> {
  let args;
  let givenToken: string | undefined;
  try {
    args = parseWebArgs(process.argv.slice(2));
    givenToken = resolveToken(args);
  } catch (err) {
    if (err instanceof ArgsError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const dataDir = path.resolve(args.data ?? defaultProjectDir(userDataDir()));
  const opened = await openProject(dataDir, resourcesDir);
  const { services } = opened;
  const token = givenToken ?? randomBytes(24).toString('base64url');
  const web = await startWebServer({
    services,
    token,
    rendererDir,
    port: args.port,
    onInternalError: (err) => console.error('Internal error:', err),
  });
  console.log(`Hashiya is running at ${web.url}`);
  if (args.open) openBrowser(web.url);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`Received ${signal}: saving pending changes…`);
    // a file still being read is refused at once rather than holding up the stop (flush waits for it)
    void closeReaderWorker();
    await web.close();
    await opened.flush();
    // closing gives the project's lock up, so the folder opens again at once (even read-only);
    // a change that could not be saved keeps the project open, and says so
    await opened.close().catch((err: unknown) => console.error(err instanceof Error ? err.message : String(err)));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error('That port is already in use; choose another with --port, or 0 for any free port.');
  else console.error(`Hashiya could not start: ${message}`);
  process.exit(1);
});
