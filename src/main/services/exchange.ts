import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { ServiceContext } from './context';

export function exchangeHandlers(_ctx: ServiceContext): Pick<Handlers, 'export.csv'> {
  return {
    'export.csv': async () => {
      throw new AppError('unsupported', 'CSV export is not available yet.');
    },
  };
}
