/**
 * Command-line options of browser mode: --data DIR --port N --token-file PATH --token T --no-open.
 * The token can also come from the HASHIYA_TOKEN environment variable; a file or the variable keep
 * it out of the process list, where every local user could read it.
 */
import { readFileSync } from 'node:fs';

export interface WebArgs {
  data?: string;
  port: number;
  token?: string;
  tokenFile?: string;
  open: boolean;
}

export const TOKEN_ENV = 'HASHIYA_TOKEN';

export class ArgsError extends Error {}

const TOKEN_RULE = /^[A-Za-z0-9._~-]{8,200}$/;
const TOKEN_RULE_TEXT = '8 to 200 letters, digits or . _ ~ - characters';

function checkedToken(token: string, where: string): string {
  if (!TOKEN_RULE.test(token)) throw new ArgsError(`${where} must be ${TOKEN_RULE_TEXT}.`);
  return token;
}

export function parseWebArgs(argv: readonly string[]): WebArgs {
  const args: WebArgs = { port: 0, open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new ArgsError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--data':
        args.data = value();
        break;
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new ArgsError(`--port takes a number from 0 to 65535, not “${raw}”.`);
        args.port = port;
        break;
      }
      case '--token':
        args.token = checkedToken(value(), 'The --token value');
        break;
      case '--token-file':
        args.tokenFile = value();
        break;
      case '--no-open':
        args.open = false;
        break;
      default:
        throw new ArgsError(
          `Unknown option “${arg}”. Options: --data DIR --port N --token-file PATH --token T --no-open`,
        );
    }
  }
  if (args.token !== undefined && args.tokenFile !== undefined)
    throw new ArgsError('Give the token once: --token or --token-file, not both.');
  return args;
}

/**
 * The session token: from --token, else the file named by --token-file (its first line), else
 * HASHIYA_TOKEN; undefined when none is given (the caller makes a random one).
 */
export function resolveToken(
  args: WebArgs,
  env: NodeJS.ProcessEnv = process.env,
  read: (file: string) => string = (f) => readFileSync(f, 'utf8'),
): string | undefined {
  if (args.token !== undefined) return args.token;
  if (args.tokenFile !== undefined) {
    let text: string;
    try {
      text = read(args.tokenFile);
    } catch (err) {
      const reason =
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'it does not exist'
          : err instanceof Error
            ? err.message
            : String(err);
      throw new ArgsError(`The token file “${args.tokenFile}” cannot be read: ${reason}.`);
    }
    const token = (text.split(/\r?\n/, 1)[0] ?? '').trim();
    return checkedToken(token, `The token in “${args.tokenFile}”`);
  }
  const fromEnv = env[TOKEN_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return checkedToken(fromEnv.trim(), TOKEN_ENV);
  return undefined;
}
