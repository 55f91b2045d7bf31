import path from 'node:path';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { appProtocolResponse } from './appProtocol';
import { CONTENT_SECURITY_POLICY } from './policy';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-app-protocol-'));
const renderer = path.join(dir, 'renderer');
mkdirSync(path.join(renderer, 'assets'), { recursive: true });
writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Hashiya</title>');
writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(dir, 'secret.txt'), 'not for the page');

describe('the app:// protocol', () => {
  it('serves the renderer’s page with the CSP and nosniff', async () => {
    const res = await appProtocolResponse('app://hashiya/', renderer);
    expect(res.status).toBe(200);
    expect(Buffer.from(res.body).toString()).toContain('<title>Hashiya</title>');
    expect(res.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(res.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('serves scripts as JavaScript so the CSP and module loading accept them', async () => {
    const res = await appProtocolResponse('app://hashiya/assets/app.js', renderer);
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404, still with the CSP, for missing files, folders and anything outside', async () => {
    for (const url of [
      'app://hashiya/missing.js',
      'app://hashiya/assets',
      'app://hashiya/../secret.txt',
      'app://hashiya/%2e%2e/secret.txt',
      'app://other/index.html',
    ]) {
      const res = await appProtocolResponse(url, renderer);
      expect(res.status, url).toBe(404);
      expect(String(res.body)).not.toContain('not for the page');
      expect(res.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('never asks the file reader for a path outside the renderer folder', async () => {
    const asked: string[] = [];
    const reader = async (file: string) => {
      asked.push(file);
      return new Uint8Array(new ArrayBuffer(0));
    };
    for (const url of [
      'app://hashiya/index.html',
      'app://hashiya/..%2f..%2fsecret.txt',
      'app://hashiya/%2e%2e%2fsecret.txt',
      'app://hashiya/a%00.js',
    ]) {
      await appProtocolResponse(url, renderer, reader);
    }
    expect(asked).toEqual([path.join(renderer, 'index.html')]);
  });
});
