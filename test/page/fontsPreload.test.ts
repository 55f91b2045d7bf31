/**
 * index.html asks for the bundled faces with the script (link rel=preload), since the first render
 * waits for them (fonts.ts). A preload that names another file than the style sheets' @font-face
 * is fetched for nothing and the face is fetched again late: every face main.tsx imports must be
 * preloaded, and nothing else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the faces preloaded by index.html', () => {
  it('are the woff2 files of the @fontsource style sheets main.tsx imports', () => {
    const sheets = [...read('src/renderer/src/main.tsx').matchAll(/^import '(@fontsource\/[^']+\.css)';$/gmu)].map(
      (m) => m[1] as string,
    );
    expect(sheets.length).toBe(6);
    const faces = sheets.flatMap((sheet) => {
      const dir = path.posix.dirname(`node_modules/${sheet}`);
      return [...read(`node_modules/${sheet}`).matchAll(/url\((\.\/files\/[^)]+\.woff2)\)/gu)].map((m) =>
        path.posix.join(dir, m[1] as string),
      );
    });
    const preloaded = [
      ...read('src/renderer/index.html').matchAll(/<link\s+rel="preload"\s+as="font"[^>]*href="\.\.\/\.\.\/([^"]+)"/gu),
    ].map((m) => m[1]);
    expect(preloaded.sort()).toEqual([...new Set(faces)].sort());
  });
});
