/**
 * The packaging configuration: electron-builder targets for the three platforms, only the built
 * app inside app.asar, and an afterPack hook that flips the Electron fuses. The hook is run on a
 * stand-in binary carrying a real fuse wire, and the wire is read back.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type * as Fuses from '@electron/fuses';

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);

interface AfterPackModule {
  (context: unknown): Promise<void>;
  FUSES: Record<string, boolean>;
  fuseConfig: (settings: Record<string, boolean>, fuses: unknown, platform: string) => Record<string, unknown>;
  electronBinaryPath: (context: unknown) => string;
}
const afterPack = require(path.join(root, 'build/afterPack.cjs')) as AfterPackModule;
const fuses = require('@electron/fuses') as typeof Fuses;

type Config = Record<string, unknown> & {
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
};
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('names the app and its targets on every platform', () => {
    expect(config.appId).toBe('org.hashiya.app');
    expect(config.productName).toBe('Hashiya');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs only the built app into an asar, with the resources beside it', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })]);
    // index.ts reads the sample article from there when packaged
    expect(readFileSync(path.join(root, 'src/main/index.ts'), 'utf8')).toMatch(
      /path\.join\(process\.resourcesPath, 'resources'\)/,
    );
  });

  it('publishes nothing and sets up no update feed', () => {
    expect(config.publish).toBeNull();
    expect(JSON.stringify(config)).not.toMatch(/https?:\/\//);
  });

  it('runs the fuse hook after packing', () => {
    expect(config.afterPack).toBe('build/afterPack.cjs');
    expect(typeof afterPack).toBe('function');
  });

  it('npm run dist builds and then packages', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.dist).toMatch(/electron-vite(\.js)? build && .*electron-builder/);
    expect(pkg.devDependencies['@electron/fuses']).toMatch(/^\^?1\./);
  });
});

describe('the Electron fuses', () => {
  it('turns off every way to run the binary as something else, and keeps the app sealed', () => {
    expect(afterPack.FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      GrantFileProtocolExtraPrivileges: false,
      EnableCookieEncryption: true,
    });
    expect(Object.isFrozen(afterPack.FUSES)).toBe(true);
  });

  it('finds the binary electron-builder produced on each platform', () => {
    const packager = { appInfo: { productFilename: 'Hashiya' }, executableName: 'hashiya' };
    const at = (electronPlatformName: string) =>
      afterPack.electronBinaryPath({ appOutDir: '/o', electronPlatformName, packager });
    expect(at('linux')).toBe(path.join('/o', 'hashiya'));
    expect(at('win32')).toBe(path.join('/o', 'Hashiya.exe'));
    expect(at('darwin')).toBe(path.join('/o', 'Hashiya.app'));
    expect(() => at('beos')).toThrow(/fuses were not set/);
    expect(afterPack.fuseConfig(afterPack.FUSES, fuses, 'darwin').resetAdHocDarwinSignature).toBe(true);
    expect(afterPack.fuseConfig(afterPack.FUSES, fuses, 'linux').resetAdHocDarwinSignature).toBeUndefined();
  });

  it('flips the fuse wire of a packaged binary', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-fuses-'));
    // Electron's defaults: run-as-node, NODE_OPTIONS, --inspect and file:// privileges on; the rest off
    const { SENTINEL } = require('@electron/fuses/dist/constants') as { SENTINEL: string };
    const defaults = '10110001' + '11';
    const binary = Buffer.concat([
      Buffer.from('\x7fELF fake electron '),
      Buffer.from(SENTINEL),
      Buffer.from([1, defaults.length]),
      Buffer.from(defaults),
      Buffer.from(' tail'),
    ]);
    writeFileSync(path.join(dir, 'hashiya'), binary);
    copyFileSync(path.join(dir, 'hashiya'), path.join(dir, 'untouched'));
    mkdirSync(path.join(dir, 'resources'));

    const log = console.log;
    console.log = () => undefined;
    try {
      await afterPack({
        appOutDir: dir,
        electronPlatformName: 'linux',
        packager: { appInfo: { productFilename: 'Hashiya' }, executableName: 'hashiya' },
      });
    } finally {
      console.log = log;
    }

    const wire = (await fuses.getCurrentFuseWire(path.join(dir, 'hashiya'))) as unknown as Record<number, number>;
    const on = fuses.FuseV1Options;
    const ENABLE = 49;
    const DISABLE = 48;
    expect(wire[on.RunAsNode]).toBe(DISABLE);
    expect(wire[on.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[on.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[on.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
    expect(wire[on.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[on.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(wire[on.EnableCookieEncryption]).toBe(ENABLE);
    // fuses we do not set keep Electron's default
    expect(wire[on.LoadBrowserProcessSpecificV8Snapshot]).toBe(DISABLE);
    expect(wire[8]).toBe(ENABLE);
    // nothing but the wire changed
    const after = readFileSync(path.join(dir, 'hashiya'));
    expect(after.length).toBe(binary.length);
    expect(after.subarray(0, 20)).toEqual(readFileSync(path.join(dir, 'untouched')).subarray(0, 20));
  });
});
