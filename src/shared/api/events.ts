/**
 * The contract's other direction: events main sends to the page. Each has a schema like the
 * methods; the preload delivers them through one listening channel (`on(name, fn)`) and browser
 * mode through one server-sent-events stream (`GET /api/events`, guarded like every API route).
 */
import { z } from 'zod';
import { Id, IsoTime } from '../model';
import { DrainId, ProjectInfo, UnsavedFile } from './project';

/** Commands the native menu sends to the page; the page acts on these names only. */
export const MENU_COMMANDS = [
  'undo',
  'redo',
  'import',
  'export-csv',
  'find',
  'palette',
  'open-project',
  'new-project',
  'restore-backup',
  'coder-name',
] as const;
export const MenuCommand = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommand>;

/** One annotation as a change left it: its id and updatedAt, or null when it was deleted. */
export const AnnotationVersion = z.object({ id: Id, updatedAt: IsoTime.nullable() }).strict();
export type AnnotationVersion = z.infer<typeof AnnotationVersion>;

export const events = {
  /** a menu item or its accelerator was chosen */
  'menu.command': z.object({ command: MenuCommand }).strict(),
  /** annotations of these documents changed (null: of any document, e.g. a codebook merge) */
  'annotations.changed': z
    .object({
      documentIds: z.array(Id).nullable(),
      /**
       * the annotations this change leaves, with their updatedAt (null: deleted), when the call
       * names them: a page that already shows exactly these (its own edit) need not read again
       */
      changes: z.array(AnnotationVersion).max(5000).optional(),
    })
    .strict(),
  /** documents were added, removed or their details changed */
  'documents.changed': z.object({ documentIds: z.array(Id).nullable() }).strict(),
  /** another project was opened, or this one's settings, codebook or notices changed */
  'project.changed': z.object({ info: ProjectInfo }).strict(),
  /** the files whose latest change is only in memory (empty: everything is on disk) */
  'unsaved.changed': z.object({ unsaved: z.array(UnsavedFile) }).strict(),
  /**
   * the app is about to close (a quit, the window closing, browser mode stopping): the page sends
   * what it still holds (a tag on its way, an edit queued behind a save), then calls page.settled
   * with the same `drain`
   */
  'page.settle': z.object({ drain: DrainId }).strict(),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventData<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];
export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** The one IPC channel main sends every event on: `{ name, data }`. */
export const EVENT_CHANNEL = 'hashiya:event';
/** Browser mode's event stream (server-sent events, one `event: name` / `data: json` per event). */
export const EVENTS_PATH = '/api/events';

export type EventEnvelope = { [E in EventName]: { name: E; data: EventData<E> } }[EventName];

/**
 * An envelope as it crossed a boundary (IPC, the event stream), checked against its event's
 * schema: the event, or null for anything else (an unknown name, data of the wrong shape).
 */
export function parseEventEnvelope(raw: unknown): EventEnvelope | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, data } = raw as { name?: unknown; data?: unknown };
  if (typeof name !== 'string' || !isEventName(name)) return null;
  const parsed = events[name].safeParse(data);
  return parsed.success ? ({ name, data: parsed.data } as EventEnvelope) : null;
}

/** What the preload exposes next to the methods: `on(name, fn)` returns the unsubscribe function. */
export type SubscribeToEvent = <E extends EventName>(name: E, fn: (data: EventData<E>) => void) => () => void;
