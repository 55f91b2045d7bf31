/** Command-line options of browser mode: --data DIR --port N --token T --no-open. */
export interface WebArgs {
  data?: string;
  port: number;
  token?: string;
  open: boolean;
}

export class ArgsError extends Error {}

export function parseWebArgs(argv: readonly string[]): WebArgs {
  const args: WebArgs = { port: 0, open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
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
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ArgsError(`--port takes a number from 0 to 65535, not “${raw}”.`);
        args.port = port;
        break;
      }
      case '--token': {
        const token = value();
        if (!/^[A-Za-z0-9._~-]{8,200}$/.test(token)) {
          throw new ArgsError('--token takes 8 to 200 letters, digits or . _ ~ - characters.');
        }
        args.token = token;
        break;
      }
      case '--no-open':
        args.open = false;
        break;
      default:
        throw new ArgsError(`Unknown option “${arg}”. Options: --data DIR --port N --token T --no-open`);
    }
  }
  return args;
}
