import { z } from 'zod';
import { Codebook } from '../model';
import { method } from './method';

export const codebookApi = {
  'codebook.get': method(z.object({}).strict(), Codebook),
  'codebook.save': method(Codebook.strict(), Codebook),
};
