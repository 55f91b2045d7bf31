import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArgsError, parseWebArgs, resolveToken, TOKEN_ENV } from './args';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tokenFile(content: string): string {
  const file = path.join(dir, `token-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, content);
  return file;
}

const tokenOf = (argv: string[], env: NodeJS.ProcessEnv = {}) => resolveToken(parseWebArgs(argv), env);

describe('browser mode’s options', () => {
  it('reads every option, in both spellings', () => {
    expect(parseWebArgs(['--data', '/p', '--port=8080', '--token', 'abcdefgh', '--no-open'])).toEqual({
      data: '/p',
      port: 8080,
      token: 'abcdefgh',
      open: false,
    });
    expect(parseWebArgs(['--token-file=/run/t'])).toEqual({ port: 0, open: true, tokenFile: '/run/t' });
  });

  it('refuses a --token under 8 characters, saying so', () => {
    expect(() => parseWebArgs(['--token', 'short'])).toThrow(ArgsError);
    expect(() => parseWebArgs(['--token', 'short'])).toThrow(
      'The --token value must be 8 to 200 letters, digits or . _ ~ - characters.',
    );
  });

  it('refuses unknown options and missing values', () => {
    expect(() => parseWebArgs(['--tokn', 'x'])).toThrow(/Unknown option “--tokn”/);
    expect(() => parseWebArgs(['--token-file'])).toThrow('--token-file needs a value.');
    expect(() => parseWebArgs(['--port', '70000'])).toThrow(/0 to 65535/);
  });
});

describe('where the session token comes from', () => {
  it('the first line of the --token-file, without its line ending', () => {
    expect(tokenOf(['--token-file', tokenFile('k9M2-secret_token\n')])).toBe('k9M2-secret_token');
    expect(tokenOf(['--token-file', tokenFile('k9M2-secret_token\r\nignored\n')])).toBe('k9M2-secret_token');
  });

  it('the HASHIYA_TOKEN environment variable', () => {
    expect(tokenOf([], { [TOKEN_ENV]: 'from-the-environment' })).toBe('from-the-environment');
  });

  it('--token, then --token-file, then the variable; none means a random one is made', () => {
    expect(tokenOf(['--token', 'on-the-command-line'], { [TOKEN_ENV]: 'from-the-environment' })).toBe(
      'on-the-command-line',
    );
    expect(tokenOf(['--token-file', tokenFile('from-the-file-x')], { [TOKEN_ENV]: 'from-the-environment' })).toBe(
      'from-the-file-x',
    );
    expect(tokenOf([], {})).toBeUndefined();
    expect(tokenOf([], { [TOKEN_ENV]: '' })).toBeUndefined();
  });

  it('refuses both --token and --token-file', () => {
    expect(() => parseWebArgs(['--token', 'abcdefgh', '--token-file', '/t'])).toThrow(
      'Give the token once: --token or --token-file, not both.',
    );
  });

  it('refuses a token file that is missing, empty or holds a short token, naming the file', () => {
    const missing = path.join(dir, 'nope');
    expect(() => tokenOf(['--token-file', missing])).toThrow(
      `The token file “${missing}” cannot be read: it does not exist.`,
    );
    const empty = tokenFile('\n');
    expect(() => tokenOf(['--token-file', empty])).toThrow(`The token in “${empty}” must be 8 to 200 letters`);
    const short = tokenFile('abc');
    expect(() => tokenOf(['--token-file', short])).toThrow(ArgsError);
  });

  it('refuses a short HASHIYA_TOKEN, naming the variable', () => {
    expect(() => tokenOf([], { [TOKEN_ENV]: 'abc' })).toThrow(
      'HASHIYA_TOKEN must be 8 to 200 letters, digits or . _ ~ - characters.',
    );
  });
});
