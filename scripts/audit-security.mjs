#!/usr/bin/env node
/**
 * `npm run audit:security`: Electronegativity over src/ (TypeScript and HTML), offline.
 *
 * Fails (exit 1) when
 *  - a finding of MEDIUM severity or above is not suppressed in place,
 *  - a file could not be parsed (it would not have been audited),
 *  - a suppression has no reason, or disables a check for a whole file.
 *
 * Suppressing a finding: on the very line Electronegativity reports, a comment
 *   // eng-disable CHECK_ID -- why this is safe here
 * (Electronegativity reads the check names up to the first character that is not a letter,
 * digit, underscore, space or tab, so the `--` ends the list and the reason follows it.)
 *
 * Electronegativity would fetch translations and Electron's release list from the network;
 * this script runs it in-process with its HTTP client replaced by a stub and every outgoing
 * socket refused, and skips the one check that needs the release list
 * (AvailableSecurityFixesGlobalCheck; keeping Electron current is a release chore).
 *
 * Options: --input DIR (default: src), --json (print the result as JSON on stdout).
 */
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// class names, as Electronegativity's exclusion list expects them
const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const SCANNED_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.html', '.htm']);
const MIN_REASON_LENGTH = 10;

function parseArgs(argv) {
  const args = { input: path.join(root, 'src'), json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--input') args.input = path.resolve(argv[++i] ?? '');
    else if (argv[i] === '--json') args.json = true;
    else {
      console.error(`Unknown option ${argv[i]}. Use --input DIR and/or --json.`);
      process.exit(2);
    }
  }
  return args;
}

/** Requests Electronegativity made through its HTTP client (answered here by a stub) and
 *  sockets anything tried to open (refused); reported so a test can check them. */
const network = { stubbedRequests: [], refusedConnections: 0 };

/** No byte leaves the machine while the audit runs. */
function forbidNetwork() {
  const Module = require('node:module');
  const originalLoad = Module._load;
  const offline = () => Promise.resolve({ statusCode: 503, body: '', headers: {} });
  const counted = (url, ...rest) => {
    network.stubbedRequests.push(String(url));
    return offline(url, ...rest);
  };
  const gotStub = Object.assign(counted, { get: counted, head: counted, post: counted });
  Module._load = function load(request, ...rest) {
    if (request === 'got') return gotStub;
    return originalLoad.call(this, request, ...rest);
  };
  net.Socket.prototype.connect = function refuse() {
    network.refusedConnections++;
    throw new Error('audit-security runs offline: a network connection was attempted and refused.');
  };
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else if (SCANNED_EXTENSIONS.has(path.extname(entry).toLowerCase())) out.push(full);
  }
  return out;
}

/** Every `eng-disable` comment, with what it disables and whether it gives a reason. */
export function findSuppressions(file, text) {
  const found = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const m = /(?:\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]+([\w \t]+)(.*)$/i.exec(line);
    if (!m) return;
    const checks = m[1]
      .trim()
      .split(/[ \t]+/)
      .filter(Boolean);
    const reason = m[2]
      .replace(/^\s*(?:--|—|:)\s*/, '')
      .replace(/\s*(?:\*\/|-->)\s*$/, '')
      .trim();
    const problems = [];
    if (!/^\s*(?:--|—|:)/.test(m[2]) || reason.length < MIN_REASON_LENGTH) {
      problems.push(`gives no reason (write: eng-disable ${checks[0] ?? 'CHECK_ID'} -- why this is safe here)`);
    }
    if (index === 0) problems.push('disables the check for the whole file; suppress on the reported line instead');
    if (checks.length === 0) problems.push('names no check');
    found.push({ file, line: index + 1, checks, reason, problems });
  });
  return found;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  forbidNetwork();
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const { severity } = require('@doyensec/electronegativity/dist/finder/attributes.js');

  // Electronegativity prints progress chatter through console.log; keep stdout for our report.
  const log = console.log;
  const chatter = [];
  console.log = (...a) => chatter.push(a.join(' '));
  let result;
  try {
    result = await run({
      input: args.input,
      isRelative: true,
      electronVersionOverride: electronVersion(),
      excludeFromScan: SKIPPED_CHECKS,
      customScan: [],
      severitySet: undefined,
      confidenceSet: undefined,
    });
  } finally {
    console.log = log;
  }

  const issues = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    severityValue: i.severity.value,
    confidence: i.confidence.name,
    file: i.file,
    line: i.location.line,
    column: i.location.column,
    manualReview: Boolean(i.manualReview),
    description: typeof i.description === 'string' ? i.description : JSON.stringify(i.description),
    url: i.shortenedURL,
  }));
  const blocking = issues.filter((i) => i.severityValue >= severity.MEDIUM.value);
  const notes = issues.filter((i) => i.severityValue < severity.MEDIUM.value);
  const parseErrors = result.errors
    .filter((e) => !e.tolerable)
    .map((e) => ({ file: path.relative(args.input, e.file), message: e.message }));
  const suppressions = listFiles(args.input).flatMap((f) =>
    findSuppressions(path.relative(args.input, f), readFileSync(f, 'utf8')),
  );
  const badSuppressions = suppressions.filter((s) => s.problems.length > 0);
  const ok = blocking.length === 0 && parseErrors.length === 0 && badSuppressions.length === 0;

  if (args.json) {
    log(
      JSON.stringify(
        { ok, checks: result.globalChecks + result.atomicChecks, network, blocking, notes, parseErrors, suppressions },
        null,
        2,
      ),
    );
  } else {
    log(
      `Electronegativity: ${result.atomicChecks} file checks and ${result.globalChecks} project checks over ${path.relative(root, args.input) || '.'}/ (offline; skipped: ${SKIPPED_CHECKS.join(', ')}).`,
    );
    for (const s of suppressions)
      log(`  suppressed  ${s.file}:${s.line}  ${s.checks.join(', ')} — ${s.reason || '(no reason)'}`);
    for (const n of notes)
      log(`  note        ${n.file}:${n.line}  ${n.id} (${n.severity}, ${n.confidence}) ${n.url ?? ''}`);
    for (const b of blocking) {
      log(
        `  FINDING     ${b.file}:${b.line}:${b.column}  ${b.id} (${b.severity}, ${b.confidence}${b.manualReview ? ', needs review' : ''})`,
      );
      log(`              ${b.description} ${b.url ?? ''}`);
    }
    for (const e of parseErrors) log(`  NOT PARSED  ${e.file}: ${e.message} (this file was not audited)`);
    for (const s of badSuppressions) for (const p of s.problems) log(`  BAD SUPPRESSION  ${s.file}:${s.line}  ${p}`);
    log(
      ok
        ? `Security audit passed: no finding of MEDIUM severity or above (${suppressions.length} suppressed in place with a reason, ${notes.length} low/informational).`
        : `Security audit FAILED: ${blocking.length} finding(s) of MEDIUM severity or above, ${parseErrors.length} unparsed file(s), ${badSuppressions.length} suppression(s) without a proper reason.`,
    );
  }
  process.exitCode = ok ? 0 : 1;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch((err) => {
    console.error(`The security audit could not run: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(2);
  });
}
