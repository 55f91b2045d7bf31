/**
 * A copy of `parts` as one null-prototype object. Counts and drafts here are keyed by names from
 * data (a code id "__proto__", a claimant "constructor"); on a plain object, a lookup of such a
 * name that is not there would find Object.prototype's member instead of nothing.
 */
export function noProto<V>(...parts: Readonly<Record<string, V>>[]): Record<string, V> {
  return Object.assign(Object.create(null) as Record<string, V>, ...parts);
}
