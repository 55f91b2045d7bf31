/**
 * Main's side of the events in the contract (src/shared/api/events.ts): whoever changes
 * something emits here; each transport (the Electron window, the browser-mode event stream)
 * subscribes and delivers to its page.
 */
import type { EventData, EventEnvelope, EventName } from '@shared/api/events';

export type EventListener = (event: EventEnvelope) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, data: EventData<E>): void {
    const event = { name, data } as EventEnvelope;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (err) {
        // one broken transport must not keep the others (or the caller) from going on
        console.error(`Hashiya: delivering the event ${name} failed:`, err);
      }
    }
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
