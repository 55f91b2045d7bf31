/** `npm run audit:security` passes on our source and fails on the mistakes it exists to catch. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

interface Report {
  ok: boolean;
  network: { stubbedRequests: string[]; refusedConnections: number };
  blocking: Array<{ id: string; severity: string; file: string; line: number }>;
  parseErrors: Array<{ file: string }>;
  suppressions: Array<{ file: string; line: number; checks: string[]; reason: string; problems: string[] }>;
}

function audit(input?: string): { status: number | null; report: Report } {
  const args = [path.join(root, 'scripts/audit-security.mjs'), '--json', ...(input ? ['--input', input] : [])];
  const res = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  let report: Report;
  try {
    report = JSON.parse(res.stdout) as Report;
  } catch {
    throw new Error(`audit printed no JSON:\n${res.stdout}\n${res.stderr}`);
  }
  return { status: res.status, report };
}

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-audit-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const hardening = `
app.on('web-contents-created', (_e, c) => { c.on('will-navigate', (e) => e.preventDefault()); c.setWindowOpenHandler(() => ({ action: 'deny' })); });
session.defaultSession.setPermissionRequestHandler((_w, _p, cb) => cb(false));
`;
const csp = `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'">`;

// each test runs the whole audit in a child process (5 s alone, far longer on a loaded machine)
describe('the security audit (Electronegativity, offline)', { timeout: 120_000 }, () => {
  it('passes on src/, offline, with every suppression carrying a reason', () => {
    const { status, report } = audit();
    expect(report.blocking).toEqual([]);
    expect(report.parseErrors).toEqual([]);
    expect(status).toBe(0);
    for (const s of report.suppressions) {
      expect(s.problems, `${s.file}:${s.line}`).toEqual([]);
      expect(s.reason.length).toBeGreaterThanOrEqual(10);
    }
    // offline: its only web request (translations) is answered by a stub, and no socket opens
    expect(report.network.refusedConnections).toBe(0);
    for (const url of report.network.stubbedRequests) expect(url).toMatch(/i18n/);
  });

  it('fails on a window with context isolation and the sandbox turned off', () => {
    const dir = fixture({
      'main.ts': `import { app, BrowserWindow, session } from 'electron';
const sizes = { w: 800 } satisfies Record<string, number>;
${hardening}
export const win = new BrowserWindow({ width: sizes.w, webPreferences: { contextIsolation: false, sandbox: false } });
`,
      'index.html': csp,
    });
    const { status, report } = audit(dir);
    expect(status).toBe(1);
    const ids = report.blocking.map((b) => b.id);
    expect(ids).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(ids).toContain('SANDBOX_JS_CHECK');
  });

  it('fails when navigation limits, the permission handler or the CSP are missing, or a file cannot be parsed', () => {
    const dir = fixture({
      'main.ts': `import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n`,
      // a file it cannot parse would escape the audit
      'broken.ts': 'const = ;\n',
    });
    const { status, report } = audit(dir);
    expect(status).toBe(1);
    expect(report.blocking.map((b) => b.id)).toEqual(
      expect.arrayContaining([
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
        'CSP_GLOBAL_CHECK',
      ]),
    );
    expect(report.parseErrors.map((e) => e.file)).toEqual(['broken.ts']);
  });

  it('accepts a finding suppressed on its line with a reason, and fails on one without', () => {
    const open = (comment: string) => `import { app, shell, session } from 'electron';
${hardening}
export function open(url: string) {
  void shell.openExternal(url); ${comment}
}
`;
    const { status, report } = audit(
      fixture({
        'reasoned.ts': open('// eng-disable OPEN_EXTERNAL_JS_CHECK -- the URL was checked and confirmed by the user'),
        'bare.ts': open('// eng-disable OPEN_EXTERNAL_JS_CHECK'),
        'index.html': csp,
      }),
    );
    expect(report.blocking).toEqual([]);
    expect(status).toBe(1);
    const byFile = Object.fromEntries(report.suppressions.map((s) => [s.file, s]));
    expect(byFile['reasoned.ts']?.problems).toEqual([]);
    expect(byFile['reasoned.ts']?.reason).toBe('the URL was checked and confirmed by the user');
    expect(byFile['bare.ts']?.problems.join(' ')).toMatch(/no reason/);
  });
});
