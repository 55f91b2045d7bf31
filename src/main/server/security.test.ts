import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../services';
import { startWebServer, type WebServer } from './http';
import { allowedHosts, allowedOrigins, CONTENT_SECURITY_POLICY, SECURITY_HEADERS, tokenMatches } from './security';

describe('the session token check', () => {
  const token = 'k9M2-secret_token';

  it('accepts exactly "Bearer <token>"', () => {
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
  });

  it('refuses everything else', () => {
    for (const header of [
      undefined,
      '',
      token,
      `bearer ${token}`,
      `Bearer  ${token}`,
      `Bearer ${token} `,
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      'Bearer ',
      `Basic ${token}`,
      `Bearer ${token.toUpperCase()}`,
    ]) {
      expect(tokenMatches(header, token), String(header)).toBe(false);
    }
  });

  it('does not throw on multi-byte input of a different byte length', () => {
    expect(tokenMatches('Bearer حاشية', 'abcdefghij')).toBe(false);
  });
});

describe('Host and Origin allow-lists', () => {
  it('name only this server on the loopback address', () => {
    expect([...allowedHosts(4321)].sort()).toEqual(['127.0.0.1:4321', 'localhost:4321']);
    expect([...allowedOrigins(4321)].sort()).toEqual(['http://127.0.0.1:4321', 'http://localhost:4321']);
  });
});

describe('browser mode’s headers', () => {
  let web: WebServer;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-headers-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hashiya</title>');
    const services = { dispatch: async () => ({}) } as unknown as Services;
    web = await startWebServer({ services, token: 't0ken-t0ken', rendererDir: dir, port: 0 });
  });
  afterAll(() => web.close());

  it('the page comes with a CSP that lets nothing be fetched from elsewhere', async () => {
    const res = await fetch(`http://127.0.0.1:${web.port}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of [
      'default-src',
      'script-src',
      'style-src',
      'font-src',
      'connect-src',
      'img-src',
      'worker-src',
    ]) {
      const values = new RegExp(`${directive} ([^;]+)`).exec(csp)?.[1]?.split(' ') ?? [];
      expect(values.length, directive).toBeGreaterThan(0);
      for (const v of values) expect(["'self'", 'data:'], `${directive} ${v}`).toContain(v);
    }
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('API errors carry the same headers and no CORS grant', async () => {
    const res = await fetch(`http://127.0.0.1:${web.port}/api/documents.list`, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(401);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the Permissions-Policy names only features Chromium knows, each turned off', async () => {
    const res = await fetch(`http://127.0.0.1:${web.port}/`);
    const policy = res.headers.get('permissions-policy') ?? '';
    expect(policy.split(', ')).toEqual([
      'camera=()',
      'microphone=()',
      'geolocation=()',
      'usb=()',
      'serial=()',
      'hid=()',
    ]);
  });

  it('listens on the loopback address only', () => {
    const address = web.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });
});
