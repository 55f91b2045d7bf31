/**
 * A deterministic random generator for tests (a linear congruential one, numbers in [0, 1)): the
 * same seed gives the same sequence, so a property test that fails can be replayed from its seed.
 * Tests only; nothing in the app uses it.
 */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}
