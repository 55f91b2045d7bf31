/**
 * layers.import and layers.undoImport (src/shared/api/layers.ts): a colleague's work as their
 * layer. The source is read before the call's turn in the queue (it touches nothing of this
 * project: a large bundle takes seconds); matching and writing then run in the queue. The work is
 * in src/main/layers/.
 */
import type { Handlers, ParsedInput } from '@shared/api';
import type { LayerImportReport } from '@shared/api/layers';
import { applyPlan, undoLayer } from '../layers/apply';
import { planLayer, type LayerProject } from '../layers/plan';
import { readSource } from '../layers/readSource';
import type { LayerInput } from '../layers/types';
import { storeSource } from '../search/storeSource';
import type { ServiceContext, Stages } from './context';
import { assertImportsOnlyOwn } from './visibleAnnotations';

type LayerHandlers = Pick<Handlers, 'layers.import' | 'layers.undoImport'>;

function projectOf(ctx: ServiceContext): LayerProject {
  const store = ctx.store;
  const source = storeSource(store);
  const nearDuplicates = ctx.project.nearDuplicates;
  return {
    codebook: store.data.codebook,
    registry: store.data.registry,
    coders: store.data.coders,
    settings: { annotator: store.data.settings.annotator, coderId: store.data.settings.coderId },
    documents: {
      summaries: store.summaries(),
      text: (id) => source.text(id),
      nearDuplicate: (text) => nearDuplicates.find(text),
    },
    // read without keeping: a dry run over 10,000 documents does not fill the store's cache
    annotations: async (id) => (await store.peekDocument(id, 'file')).annotations,
    now: ctx.now,
    newId: ctx.newId,
  };
}

async function run(ctx: ServiceContext, input: LayerInput, dryRun: boolean): Promise<LayerImportReport> {
  const plan = await planLayer(projectOf(ctx), input);
  // while blind, another coder's layer is not brought in (nor shown by a dry run)
  assertImportsOnlyOwn(
    ctx.store,
    plan.additions.flatMap((d) => d.annotations),
  );
  const undoId = dryRun ? null : await applyPlan(ctx.store, ctx.project, plan, ctx.newId());
  return { ...plan.report, dryRun, undoId };
}

export function layerStages(ctx: ServiceContext): Required<Pick<Stages, 'layers.import'>> {
  return {
    'layers.import': async ({ source, dryRun }: ParsedInput<'layers.import'>) => {
      const input = await readSource(source, ctx.store.dir);
      return () => run(ctx, input, dryRun ?? true);
    },
  };
}

export function layerHandlers(ctx: ServiceContext): LayerHandlers {
  return {
    'layers.import': async (input) => (await layerStages(ctx)['layers.import'](input))(),
    'layers.undoImport': async ({ undoId }) => undoLayer(ctx.store, ctx.project, undoId),
  };
}
