import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../../../test/fakes/electron';
import { CONTENT_SECURITY_POLICY } from './policy';
import { registerAppScheme, setupProtocol } from './protocol';

function rendererDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-renderer-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hashiya</title>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'export {};');
  return dir;
}

describe('the app:// protocol', () => {
  it('is registered before ready as a standard, secure scheme, with nothing that weakens the page', () => {
    const fake = createFakeElectron();
    registerAppScheme(fake.api);
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    const privileges = fake.protocol.privileged[0]?.privileges ?? {};
    for (const weakening of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'stream'])
      expect(privileges).not.toHaveProperty(weakening);
  });

  it('serves the built page and its files with the CSP and nosniff, and nothing outside its folder', async () => {
    const fake = createFakeElectron();
    await fake.app.ready();
    setupProtocol(fake.api, rendererDir());

    const page = await fake.protocol.fetch('app://hashiya/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Hashiya</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);

    const script = await fake.protocol.fetch('app://hashiya/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);

    for (const url of ['app://hashiya/%2e%2e/%2e%2e/etc/passwd', 'app://hashiya/missing.js', 'app://evil/index.html']) {
      const refused = await fake.protocol.fetch(url);
      expect(refused.status, url).toBe(404);
      expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
