import { z } from 'zod';
import { ProjectInfo, Settings } from '../model';
import { method } from './method';

export const projectApi = {
  'project.info': method(z.object({}).strict(), ProjectInfo),
  'settings.update': method(Settings.partial().strict(), Settings),
  /** Acknowledge (and clear) the notices shown to the user, e.g. a file moved to quarantine. */
  'project.dismissNotices': method(z.object({}).strict(), z.object({}).strict()),
};
