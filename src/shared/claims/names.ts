/**
 * Text schemas shared by claim fields and the actor registry: a label a person reads (no control
 * characters, no bidi overrides, white space collapsed) and the limits of the claims model.
 */
import { z } from 'zod';
import { cleanLabel } from '../text/canonical';

/** fields in one codebook */
export const MAX_FIELDS = 50;
/** items of one choice list */
export const MAX_CHOICES = 200;
/** characters of a short text value */
export const MAX_TEXT_VALUE = 2000;
/** characters of a long text value (the note of today) */
export const MAX_LONG_TEXT_VALUE = 20000;
/** entities (actors and places) in one registry */
export const MAX_ENTITIES = 100_000;
/** aliases of one entity */
export const MAX_ALIASES = 100;
/** characters of a name or an alias (as many as a claimant of format 2 could have) */
export const MAX_NAME = 500;

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/; // eslint-disable-line no-control-regex -- refusing them is the point

/**
 * A name or label: control characters are refused with a sentence (a name typed with them is a
 * paste gone wrong, not a spelling), bidi controls dropped, white space collapsed and trimmed.
 */
export function label(what: string, max = MAX_NAME, min = 1) {
  return z
    .string()
    .max(max * 2, `${what} is longer than ${max} characters.`)
    .refine((s) => !CONTROL.test(s), `${what} contains control characters; type it again without them.`)
    .transform(cleanLabel)
    .pipe(z.string().min(min, `${what} cannot be empty.`).max(max, `${what} is longer than ${max} characters.`));
}

/** A free text such as a description or notes: line breaks kept, other control characters refused. */
export function freeText(what: string, max: number) {
  return z
    .string()
    .max(max, `${what} is longer than ${max} characters.`)
    .refine(
      // eslint-disable-next-line no-control-regex -- tabs and line breaks are allowed, nothing else
      (s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(s),
      `${what} contains control characters.`,
    );
}
