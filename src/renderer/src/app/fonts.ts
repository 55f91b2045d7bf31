/**
 * The bundled faces (main.tsx imports their CSS) loaded before the first render. @fontsource
 * declares them `font-display: swap`, so a face that arrives after the first paint swaps in and
 * the text re-wraps: the article's words move between a look and a press. Loading them first
 * means the first painted frame already has the faces it keeps. A face that cannot load (or is
 * slow beyond `capMs`) does not keep the app from starting.
 */
const FACES: ReadonlyArray<readonly [weight: string, family: string, sample: string]> = [
  ['400', 'Noto Naskh Arabic', 'ع'],
  ['700', 'Noto Naskh Arabic', 'ع'],
  ['400', 'Noto Sans', 'a'],
  ['600', 'Noto Sans', 'a'],
  ['400', 'Noto Sans Arabic', 'ع'],
  ['600', 'Noto Sans Arabic', 'ع'],
];

export function bundledFontsReady(fonts: Pick<FontFaceSet, 'load'>, capMs = 3000): Promise<void> {
  const loads = Promise.all(FACES.map(([weight, family, sample]) => fonts.load(`${weight} 1em "${family}"`, sample)));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<void>((done) => (timer = setTimeout(done, capMs)));
  return Promise.race([
    loads.then(
      () => undefined,
      () => undefined,
    ),
    cap,
  ]).finally(() => clearTimeout(timer));
}
