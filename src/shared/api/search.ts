import { z } from 'zod';
import { Id } from '../model';
import { method } from './method';

export const SearchHit = z.object({
  documentId: Id,
  /** code points into the canonical text, end exclusive */
  start: z.number().int(),
  end: z.number().int(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const searchApi = {
  search: method(
    z.object({ query: z.string().min(1).max(1000), documentId: Id.optional() }).strict(),
    z.array(SearchHit),
  ),
};
