/**
 * Browser mode: `npm run web -- --data DIR --port N --token-file PATH --no-open` (or the token in
 * HASHIYA_TOKEN, or --token T). Serves the same
 * renderer and the same services as the Electron app, on 127.0.0.1 only.
 *
 * Start-up: the server listens and serves the page's files first, while the project opens (its
 * journal replayed, its index read) and the services load (./app, imported when needed); every
 * API call waits for that, so the page's script is read and run in the meantime.
 */
import './threadpool';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventHub } from './events';
import { startWebServer } from './server/http';
import { defaultProjectDir, userDataDir } from './userData';
import { ArgsError, parseWebArgs, resolveToken } from './web/args';

/** Signals closer together than this are one press of Ctrl+C delivered twice. */
const SAME_PRESS_MS = 500;

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const resourcesDir = path.resolve(here, '../../resources');

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
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
  const opening = import('./app').then(({ openProject }) => openProject(dataDir, resourcesDir));
  // a project that cannot be opened is reported once, below (main's catch); calls waiting for it fail
  opening.catch(() => undefined);
  // the page's event stream, from the project's hub once it is open
  const events = new EventHub();
  const services = opening.then((opened) => {
    opened.events.subscribe((event) => events.emit(event.name, event.data as never));
    // the open tabs (their event streams) are the pages a stop asks for what they still hold
    opened.servePages(() => events.listenerCount);
    return opened.services;
  });
  services.catch(() => undefined);
  const token = givenToken ?? randomBytes(24).toString('base64url');
  const web = await startWebServer({
    services,
    events,
    token,
    rendererDir,
    port: args.port,
    onInternalError: (err) => console.error('Internal error:', err),
  });
  // a signal while the project still opens waits for it, then saves and stops (stop below).
  // One Ctrl+C can arrive twice within milliseconds (from the terminal, and forwarded by npm or
  // scripts/start.mjs): signals that close together are one press, never "press it again".
  let lastSignalAt = Number.NEGATIVE_INFINITY;
  const onSignal = (signal: string) => {
    const now = performance.now();
    const samePress = now - lastSignalAt < SAME_PRESS_MS;
    lastSignalAt = now;
    if (!samePress) void stop(signal);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  console.log(`Hashiya is running at ${web.url}`);
  if (args.open) openBrowser(web.url);
  const opened = await opening;

  if (opened.recovered) {
    for (const notice of opened.store.data.notices.filter((n) => n.code === 'recovery_restored'))
      console.log(notice.message);
  }

  /**
   * Stopping (ProjectHost.shutdown, as in the desktop app): save what is pending and exit. A
   * change that still cannot be saved (disk full, a folder that takes no writes) stops the stop:
   * the server keeps running and says how to quit anyway. The next signal tries again and, if the
   * changes still cannot be saved, writes them to recovery/ in the project folder (restored at the
   * next start) before it exits.
   */
  let stopping = false;
  let refused = false;
  async function stop(signal: string): Promise<void> {
    if (stopping) return void console.error('Still saving; Hashiya stops as soon as that is done.');
    stopping = true;
    console.error(`Received ${signal}: saving pending changes…`);
    // a project that could not be opened has nothing to save (main's catch reports it and exits)
    const project = await opening.catch(() => null);
    if (!project) return;
    const result = await project.shutdown({
      force: refused,
      beforeClose: async () => {
        // a file still being read is refused at once rather than holding up the stop
        void import('./import/readerWorker').then(({ closeReaderWorker }) => closeReaderWorker());
        await web.close();
      },
    });
    if (result.outcome === 'closed') process.exit(0);
    if (result.outcome === 'refused') {
      refused = true;
      stopping = false;
      console.error(refusal(result.unsaved, result.recoveryDir));
      return;
    }
    if (result.closeError !== null) console.error(result.closeError);
    if (result.outcome === 'forced') {
      const { written, projectDir } = result;
      if (written) {
        console.error(
          `Quitting without saving ${written.titles.map((t) => `“${t}”`).join(', ')}: the unsaved changes were written to ${written.dir}${written.dir.startsWith(projectDir) ? '; the next start restores them.' : ' (the project folder took nothing); copy that folder to recovery/ in the project folder and the next start restores them.'}`,
        );
      }
      process.exit(0);
    }
    console.error(
      `Quitting without saving: the unsaved changes could not be written anywhere (${result.reason}) and are lost.`,
    );
    process.exit(1);
  }
}

function refusal(unsaved: readonly string[], recoveryDir: string): string {
  return [
    `Hashiya is still running: changes to ${unsaved.length === 1 ? 'one file' : `${unsaved.length} files`} could not be saved (${unsaved.map((t) => `“${t}”`).join(', ')}), and stopping now would lose them.`,
    'Free some space or fix the folder, then press Ctrl+C again (or send the signal again): Hashiya saves and stops.',
    `If they still cannot be saved then, it quits anyway and first writes them to ${recoveryDir}, from where the next start restores them.`,
  ].join('\n');
}

main().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
    console.error('That port is already in use; choose another with --port, or 0 for any free port.');
  else console.error(`Hashiya could not start: ${message}`);
  process.exit(1);
});
