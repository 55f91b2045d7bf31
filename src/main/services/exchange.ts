/** Export and exchange (src/shared/api/exchange.ts); the work is done in src/main/exchange/. */
import type { Handlers } from '@shared/api';
import { exportAnnotations } from '../exchange/annotationExport';
import { exportBundle } from '../exchange/bundleExport';
import { importAnnotations } from '../exchange/annotationImport';
import { exportCsv } from '../exchange/csvExport';
import { exportTexts } from '../exchange/textExport';
import type { ServiceContext } from './context';
import { assertImportsOnlyOwn } from './visibleAnnotations';

type ExchangeHandlers = Pick<
  Handlers,
  'export.csv' | 'export.texts' | 'export.bundle' | 'export.annotations' | 'import.annotations'
>;

export function exchangeHandlers(ctx: ServiceContext): ExchangeHandlers {
  return {
    'export.csv': (input) => exportCsv(ctx, input),
    'export.texts': (input) => exportTexts(ctx, input),
    'export.bundle': (input) => exportBundle(ctx, input),
    'export.annotations': (input) => exportAnnotations(ctx, input),
    'import.annotations': ({ json, unknownCodes, firstIndex }) =>
      importAnnotations(ctx, json, unknownCodes, firstIndex, (adding) => assertImportsOnlyOwn(ctx.store, adding)),
  };
}
