/**
 * Which contract events a successful call causes (src/shared/api/events.ts). The services'
 * dispatch emits them once the call has answered, so every page hears of changes made by another
 * window, another tab or the HTTP API.
 */
import type { MethodName } from '@shared/api';
import type { EventEnvelope } from '@shared/api/events';

export function changeEventsFor(_name: MethodName, _input: unknown, _output: unknown): EventEnvelope[] {
  return []; // filled in by the events work of issue #14
}
