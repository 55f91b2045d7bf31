import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../../../test/fakes/electron';
import { eventually } from '../../../test/fakes/eventually';
import { setupQuit, unsavedList, type QuittingProject } from './quit';

const settle = () => new Promise((resolve) => setImmediate(resolve));

function project(overrides: Partial<QuittingProject> = {}) {
  const steps: string[] = [];
  const p: QuittingProject = {
    unsavedTitles: () => [],
    flush: vi.fn(async () => void steps.push('flush')),
    close: vi.fn(async () => void steps.push('close')),
    writeRecovery: vi.fn(async () => void steps.push('writeRecovery')),
    ...overrides,
  };
  return { p, steps };
}

function quitting(p: QuittingProject) {
  const fake = createFakeElectron();
  const started = vi.fn();
  setupQuit(fake.api, p, { onQuitStarted: started });
  return { fake, started };
}

const diskFull = Object.assign(new Error('The disk is full: “Libya talks” is kept in memory.'), { code: 'storage' });

describe('quitting', () => {
  it('saves everything, gives up the project, then quits', async () => {
    const { p, steps } = project();
    const { fake, started } = quitting(p);
    fake.app.quit();
    expect(fake.app.hasQuit).toBe(false); // held until the project is saved
    expect(started).toHaveBeenCalledOnce();
    await eventually(() => expect(fake.app.hasQuit).toBe(true));
    expect(steps).toEqual(['flush', 'close']);
    expect(fake.app.exitCode).toBeNull();
    expect(fake.dialog.messageBoxes).toEqual([]);
  });

  it('with a change that cannot be saved, asks, naming the files, and stays when the researcher says so', async () => {
    const { p, steps } = project({
      unsavedTitles: () => ['Libya talks', 'وقف إطلاق النار'],
      close: vi.fn().mockRejectedValueOnce(diskFull).mockResolvedValue(undefined),
    });
    const { fake } = quitting(p);
    fake.app.quit();
    await eventually(() => expect(fake.dialog.messageBoxes).toHaveLength(1));
    const box = fake.dialog.messageBoxes[0]!;
    expect(box.options).toMatchObject({
      type: 'warning',
      message: 'Some changes are not saved yet.',
      buttons: ['Stay in Hashiya', 'Quit (keep them in recovery/)'],
    });
    expect(box.options.detail).toContain('The disk is full');
    expect(box.options.detail).toContain('Not saved: “Libya talks”, “وقف إطلاق النار”.');
    box.answer(0);
    await settle();
    expect(fake.app.hasQuit).toBe(false);
    expect(steps).toEqual(['flush']);

    // the space was freed: the next quit tries again and goes through
    fake.app.quit();
    await eventually(() => expect(fake.app.hasQuit).toBe(true));
    expect(p.close).toHaveBeenCalledTimes(2);
    expect(p.writeRecovery).not.toHaveBeenCalled();
  });

  it('quitting anyway keeps the unsaved changes in recovery/ and ends the app', async () => {
    const { p, steps } = project({ flush: vi.fn().mockRejectedValue('folder gone') });
    const { fake } = quitting(p);
    fake.app.quit();
    await eventually(() => expect(fake.dialog.messageBoxes).toHaveLength(1));
    expect(fake.dialog.messageBoxes[0]?.options.detail).toMatch(/^folder gone\n\nStay, free some space/);
    fake.dialog.messageBoxes[0]?.answer(1);
    await eventually(() => expect(fake.app.exitCode).toBe(0));
    expect(steps).toEqual(['writeRecovery']);
  });

  it('ends the app even when recovery/ cannot be written either', async () => {
    const { p } = project({
      close: vi.fn().mockRejectedValue(diskFull),
      writeRecovery: vi.fn().mockRejectedValue(new Error('read-only file system')),
    });
    const { fake } = quitting(p);
    fake.app.quit();
    await eventually(() => expect(fake.dialog.messageBoxes).toHaveLength(1));
    fake.dialog.messageBoxes[0]?.answer(1);
    await eventually(() => expect(fake.app.exitCode).toBe(0));
    expect(p.writeRecovery).toHaveBeenCalledOnce();
  });

  it('names five files and counts the rest', () => {
    expect(unsavedList(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('“a”, “b”, “c”, “d”, “e” and 2 more');
    expect(unsavedList(['a'])).toBe('“a”');
  });
});
