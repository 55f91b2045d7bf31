/**
 * Krippendorff (2004, p. 254), the unitizing example of DKPro Statistics' Krippendorff2004Test:
 * two coders, i and j, on a continuum from 150 to 450, codes c and k. Published: αU 0.8591, c
 * 0.7286, k 1.0.
 */
import type { Unit, UnitizingStudy } from './unitizingAlpha';

const u = (start: number, length: number, coder: string, category: string): Unit => ({
  start,
  end: start + length,
  coder,
  category,
});

export const KRIPPENDORFF_2004: UnitizingStudy = {
  begin: 150,
  length: 300,
  coders: ['i', 'j'],
  units: [
    u(225, 70, 'i', 'c'),
    u(370, 30, 'i', 'c'),
    u(220, 80, 'j', 'c'),
    u(355, 20, 'j', 'c'),
    u(400, 20, 'j', 'c'),
    u(180, 60, 'i', 'k'),
    u(300, 50, 'i', 'k'),
    u(180, 60, 'j', 'k'),
    u(300, 50, 'j', 'k'),
  ],
};
