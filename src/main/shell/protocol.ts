/**
 * The app:// protocol: registered as a standard, secure scheme before the app is ready (so the
 * page gets a real origin, fetch and the code cache, and nothing that weakens it: no CSP bypass,
 * no CORS, no service workers), then bound to the built renderer's files (appProtocol.ts).
 */
import { appProtocolResponse } from './appProtocol';
import type { ElectronApi } from './electronApi';
import { APP_SCHEME } from './policy';

export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** Before `ready`: Electron accepts privileged schemes only then. */
export function registerAppScheme({ protocol }: Pick<ElectronApi, 'protocol'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Once ready: every app:// request answered from `rendererDir`, with the CSP on each response. */
export function setupProtocol({ protocol }: Pick<ElectronApi, 'protocol'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { status, headers, body } = await appProtocolResponse(request.url, rendererDir);
    return new Response(body, { status, headers });
  });
}
