/** How the network draws its parts (issue 16): labels in the interface language, colours by actor type and tie. */
import type { Lang } from '../../i18n';

export interface PictureNode {
  kind: 'actor' | 'code';
  name: string;
  nameAr: string;
  nameLatin: string;
  type: string;
}

const ARABIC = /[\u0600-\u06FF]/u;

/** The node's name in the interface language (its other name when it has only that). */
export function nodeLabel(n: PictureNode, lang: Lang): string {
  return (lang === 'ar' ? n.nameAr : n.nameLatin) || n.name;
}

/** The text direction of a label, so an Arabic name reads right to left inside the SVG. */
export const labelDirection = (label: string): 'rtl' | 'ltr' => (ARABIC.test(label) ? 'rtl' : 'ltr');

export const TYPE_COLOURS = ['#1565c0', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#558b2f', '#4e342e', '#283593'];
export const CODE_COLOUR = '#78909c';

/** One colour per actor type, in the order the types first appear; codes share one colour. */
export function typeColours(nodes: readonly PictureNode[]): Map<string, string> {
  const colours = new Map<string, string>();
  for (const n of nodes) {
    if (n.kind !== 'actor' || colours.has(n.type)) continue;
    colours.set(n.type, TYPE_COLOURS[colours.size % TYPE_COLOURS.length]!);
  }
  return colours;
}

/** A tie's colour: agreement green, disagreement and conflict red, mixed orange, else grey. */
export function edgeColour(e: { weight: number; combination: string | null }, type: string): string {
  if (type === 'conflict' || e.combination === 'disagreement' || e.weight < 0) return '#c62828';
  if (e.combination === 'agreement') return '#2e7d32';
  if (e.combination === 'mixed') return '#ef6c00';
  return '#90a4ae';
}
