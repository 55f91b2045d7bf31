import type { ProjectStore } from '../store/projectStore';

/**
 * What import and export need from the services' context: the open project, a clock and an id
 * source. The services pass their own context (it has these and more); exchange sits below the
 * services and never imports them.
 */
export interface ExchangeContext {
  readonly store: ProjectStore;
  now(): string;
  newId(): string;
}
