import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { ServiceContext } from './context';

export function searchHandlers(_ctx: ServiceContext): Pick<Handlers, 'search'> {
  return {
    search: async () => {
      throw new AppError('unsupported', 'Search is not available yet.');
    },
  };
}
