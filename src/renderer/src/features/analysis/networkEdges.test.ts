import { describe, expect, it } from 'vitest';
import { edgeBundles } from './networkEdges';

const placed = new Map([
  ['a', { x: 10, y: 20 }],
  ['b', { x: 30.04, y: 40 }],
  ['c', { x: 50, y: 60.26 }],
]);

describe('a large network’s ties as a few paths', () => {
  it('puts the ties of one colour and width in one path, each tie a move and a line', () => {
    const bundles = edgeBundles(
      [
        { source: 'a', target: 'b', weight: 2, combination: null },
        { source: 'b', target: 'c', weight: 2, combination: null },
        { source: 'a', target: 'c', weight: -2, combination: null },
        { source: 'a', target: 'missing', weight: 2, combination: null },
      ],
      placed,
      'twoMode',
      2,
    );
    expect(bundles).toEqual([
      { key: '#90a4ae 5', colour: '#90a4ae', width: 5, d: 'M10 20L30 40M30 40L50 60.3' },
      { key: '#c62828 5', colour: '#c62828', width: 5, d: 'M10 20L50 60.3' },
    ]);
  });
  it('rounds widths to half a pixel, so weights close together share a path', () => {
    const bundles = edgeBundles(
      [
        { source: 'a', target: 'b', weight: 1, combination: 'agreement' },
        { source: 'b', target: 'c', weight: 1.05, combination: 'agreement' },
        { source: 'a', target: 'c', weight: 10, combination: 'agreement' },
      ],
      placed,
      'twoMode',
      10,
    );
    expect(bundles.map((b) => [b.colour, b.width, b.d.split('M').length - 1])).toEqual([
      ['#2e7d32', 1.5, 2],
      ['#2e7d32', 5, 1],
    ]);
  });
});
