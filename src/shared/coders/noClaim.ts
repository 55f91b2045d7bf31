/**
 * An adjudicated "no claim here": a unit only one coder marked, settled by accepting the other
 * coder, who marked nothing. It makes no annotation (so no CSV row), and is kept in the document
 * file beside the annotations so the unit stays decided (src/main/services/adjudication.ts).
 */
import { z } from 'zod';
import { Adjudication } from './model';

export const NoClaim = Adjudication.extend({ decision: z.enum(['accept-a', 'accept-b']) });
export type NoClaim = z.infer<typeof NoClaim>;
