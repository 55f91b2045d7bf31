/**
 * The bundled faces, asked for as the page's script starts (main.tsx imports this module first,
 * so it runs before the rest of the app is evaluated): they arrive while the script is still being
 * run, and the first render, which waits for them (fonts.ts), waits for nothing more.
 */
import { bundledFontsReady } from './fonts';

export const bundledFontsLoading: Promise<void> = bundledFontsReady(document.fonts);
