/**
 * All services behind the API contract. Transports (Electron IPC, browser-mode HTTP) call
 * `dispatch`, which validates input with the method's schema before any service sees it.
 */
import { api, isMethodName, type Handlers, type MethodName, type Output } from '@shared/api';
import { AppError } from '@shared/errors';
import { SerialQueue } from '@shared/serialQueue';
import { EventHub } from '../events';
import { changeEventsFor } from './changeEvents';
import { claimRecordCache } from './claimRecordCache';
import { networkAnswerCache } from './networkAnswerCache';
import { adjudicationHandlers } from './adjudication';
import { agreementHandlers } from './agreement';
import { analysisHandlers } from './analysis';
import { annotationHandlers } from './annotations';
import { claimsHandlers } from './claims';
import { codebookHandlers } from './codebook';
import { coderHandlers } from './coders';
import { createContext, type Clock, type ProjectAccess, type ServiceContext, type Stages } from './context';
import { documentHandlers, documentStages } from './documents';
import { exchangeHandlers } from './exchange';
import { layerHandlers, layerStages } from './layers';
import { projectHandlers, projectInfo } from './project';
import { qdpxHandlers } from './qdpx';
import { searchHandlers, searchStages } from './search';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...projectHandlers(ctx),
    ...documentHandlers(ctx),
    ...annotationHandlers(ctx),
    ...codebookHandlers(ctx),
    ...claimsHandlers(ctx),
    ...exchangeHandlers(ctx),
    ...qdpxHandlers(ctx),
    ...searchHandlers(ctx),
    ...agreementHandlers(ctx),
    ...adjudicationHandlers(ctx),
    ...analysisHandlers(ctx),
    ...coderHandlers(ctx),
    ...layerHandlers(ctx),
  };
}

export interface Services {
  ctx: ServiceContext;
  /** the contract's main→page events: what each successful call changed (changeEvents.ts) */
  events: EventHub;
  handlers: Handlers;
  /** Validate raw input and run a method; throws AppError for anything a caller did wrong. */
  dispatch(name: string, rawInput: unknown): Promise<unknown>;
  /**
   * The flush barrier: resolves once every call dispatch has accepted so far (and any accepted
   * meanwhile) has answered, including one still reading its file before its turn in the queue.
   * Quitting waits for it, so the tag whose request arrived just before the quit is saved too.
   */
  settled(): Promise<void>;
}

export interface ServiceOptions extends Partial<Clock> {
  /** where change events go (the host's hub; a new one when not given) */
  events?: EventHub;
}

export function createServices(host: ProjectAccess, options: ServiceOptions = {}): Services {
  const ctx = createContext(host, options);
  const handlers = createHandlers(ctx);
  const stages: Stages = { ...documentStages(ctx), ...searchStages(ctx), ...layerStages(ctx) };
  // One operation at a time: every service sees a consistent project and writes land in order.
  const events = options.events ?? new EventHub();
  const queue = new SerialQueue();
  const enqueue = (run: () => Promise<unknown>): Promise<unknown> => queue.run(run);
  const changeContext = { projectInfo: () => projectInfo(ctx.store) };
  const accepted = new Set<Promise<unknown>>();
  const dispatch = (name: string, rawInput: unknown): Promise<unknown> => {
    const result = run(name, rawInput);
    const settled = result.catch(() => undefined);
    accepted.add(settled);
    void settled.then(() => accepted.delete(settled));
    return result;
  };
  const settled = async (): Promise<void> => {
    while (accepted.size > 0) await Promise.all([...accepted]);
  };
  const run = (name: string, rawInput: unknown): Promise<unknown> => {
    if (!isMethodName(name)) return Promise.reject(new AppError('not_found', `There is no API method “${name}”.`));
    const parsed = api[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
      return Promise.reject(
        new AppError('invalid_input', `Invalid input for ${name}${where}: ${issue?.message ?? 'not accepted'}.`),
      );
    }
    const stage = stages[name] as ((input: unknown) => Promise<() => Promise<unknown>>) | undefined;
    const result = stage
      ? stage(parsed.data).then(enqueue)
      : enqueue(() => (handlers[name] as (input: unknown) => Promise<Output<MethodName>>)(parsed.data));
    return result.then((output) => {
      for (const event of changeEventsFor(name, parsed.data, output, changeContext)) {
        // the claims view's cache forgets what a change names (claimRecordCache.ts) before anyone hears of it
        claimRecordCache(ctx.store).hear(event);
        networkAnswerCache(ctx.store).hear(event);
        events.emit(event.name, event.data as never);
      }
      return output;
    });
  };
  return { ctx, handlers, dispatch, events, settled };
}
