import { z } from 'zod';
import { Id } from '../model';
import { method } from './method';

export const exchangeApi = {
  'export.csv': method(
    z
      .object({
        documentIds: z.array(Id).max(100000).optional(),
        /** 'code' (default): one row per (annotation, code); 'annotation': codes joined with " | " */
        rowPer: z.enum(['code', 'annotation']).optional(),
      })
      .strict(),
    z.object({ fileName: z.string(), csv: z.string() }),
  ),
};
