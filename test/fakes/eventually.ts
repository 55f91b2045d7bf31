import { vi } from 'vitest';

/**
 * Waits until `check` passes: opening a project and saving take a while on a busy machine, so
 * the wait is generous; nothing is asserted about how long it took.
 */
export function eventually(check: () => void): Promise<void> {
  return vi.waitFor(check, { timeout: 30_000, interval: 5 });
}
