/**
 * electron-builder afterPack hook: flip the Electron fuses of the packaged binary before it is
 * signed. Fuses are compiled-in switches that no command-line flag or environment variable can
 * turn back on (https://www.electronjs.org/docs/latest/tutorial/fuses).
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads this hook as CommonJS */
const path = require('node:path');

/** The fuse settings, as plain data so a test can check them without packaging. */
const FUSES = Object.freeze({
  // the binary cannot be used as a plain Node.js (ELECTRON_RUN_AS_NODE)
  RunAsNode: false,
  // NODE_OPTIONS cannot inject code or flags
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends cannot attach a debugger to the main process
  EnableNodeCliInspectArguments: false,
  // only app.asar is loaded, never a loose app folder put beside it
  OnlyLoadAppFromAsar: true,
  // app.asar must match the hash recorded at build time (macOS and Windows)
  EnableEmbeddedAsarIntegrityValidation: true,
  // file:// gets no special powers (the app uses its own app:// protocol)
  GrantFileProtocolExtraPrivileges: false,
  // cookies and local storage are encrypted with an OS-held key
  EnableCookieEncryption: true,
});

/** Where electron-builder put the Electron executable for this platform. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`afterPack: unknown platform ${electronPlatformName}; the fuses were not set.`);
  }
}

/** The configuration @electron/fuses expects, keyed by its FuseV1Options numbers. */
function fuseConfig(settings, { FuseVersion, FuseV1Options }, electronPlatformName) {
  const config = { version: FuseVersion.V1 };
  for (const [name, value] of Object.entries(settings)) {
    if (!(name in FuseV1Options)) throw new Error(`afterPack: @electron/fuses does not know the fuse ${name}.`);
    config[FuseV1Options[name]] = value;
  }
  // changing the binary breaks a macOS build's ad-hoc signature; redo it (signing comes later)
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') config.resetAdHocDarwinSignature = true;
  return config;
}

async function afterPack(context) {
  const fuses = require('@electron/fuses');
  const binary = electronBinaryPath(context);
  await fuses.flipFuses(binary, fuseConfig(FUSES, fuses, context.electronPlatformName));
  console.log(`afterPack: Electron fuses set on ${binary}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinaryPath = electronBinaryPath;
