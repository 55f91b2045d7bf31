import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../../../test/fakes/electron';
import { eventually } from '../../../test/fakes/eventually';
import { setupQuit, unsavedList, type QuitOutcome, type QuittingProject } from './quit';

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A project whose shutdown answers, in turn, the outcomes given (the last one repeats). */
function project(...outcomes: Array<QuitOutcome | Error>) {
  const calls: Array<{ force: boolean }> = [];
  const p: QuittingProject = {
    shutdown: vi.fn(async (options: { force: boolean }) => {
      calls.push(options);
      const next = outcomes.length > 1 ? outcomes.shift()! : outcomes[0]!;
      if (next instanceof Error) throw next;
      return next;
    }),
  };
  return { p, calls };
}

function quitting(p: QuittingProject) {
  const fake = createFakeElectron();
  const started = vi.fn();
  setupQuit(fake.api, p, { onQuitStarted: started });
  return { fake, started };
}

const refused: QuitOutcome = { outcome: 'refused', unsaved: ['Libya talks', 'وقف إطلاق النار'] };

describe('quitting', () => {
  it('saves everything through the one shutdown, gives up the project, then quits', async () => {
    const { p, calls } = project({ outcome: 'closed' });
    const { fake, started } = quitting(p);
    fake.app.quit();
    expect(fake.app.hasQuit).toBe(false); // held until the project is saved
    expect(started).toHaveBeenCalledOnce();
    await eventually(() => expect(fake.app.hasQuit).toBe(true));
    expect(calls).toEqual([{ force: false }]);
    expect(fake.app.exitCode).toBeNull();
    expect(fake.dialog.messageBoxes).toEqual([]);
  });

  it('with a change that cannot be saved, asks, naming the files, and stays when the researcher says so', async () => {
    const { p, calls } = project(refused, { outcome: 'closed' });
    const { fake } = quitting(p);
    fake.app.quit();
    await eventually(() => expect(fake.dialog.messageBoxes).toHaveLength(1));
    const box = fake.dialog.messageBoxes[0]!;
    expect(box.options).toMatchObject({
      type: 'warning',
      message: 'Some changes are not saved yet.',
      buttons: ['Stay in Hashiya', 'Quit (keep them in recovery/)'],
    });
    expect(box.options.detail).toBe(
      'Not saved: “Libya talks”, “وقف إطلاق النار”.\n\nStay, free some space or fix the folder, and use “Save again”.',
    );
    box.answer(0);
    await settle();
    expect(fake.app.hasQuit).toBe(false);
    expect(fake.app.exitCode).toBeNull();
    expect(calls).toEqual([{ force: false }]);

    // the space was freed: the next quit tries again and goes through
    fake.app.quit();
    await eventually(() => expect(fake.app.hasQuit).toBe(true));
    expect(calls).toEqual([{ force: false }, { force: false }]);
  });

  it('quitting anyway forces the shutdown (recovery/) and ends the app', async () => {
    const { p, calls } = project(refused, { outcome: 'forced' });
    const { fake } = quitting(p);
    fake.app.quit();
    await eventually(() => expect(fake.dialog.messageBoxes).toHaveLength(1));
    fake.dialog.messageBoxes[0]?.answer(1);
    await eventually(() => expect(fake.app.exitCode).toBe(0));
    expect(calls).toEqual([{ force: false }, { force: true }]);
    expect(fake.dialog.errorBoxes).toEqual([]);
  });

  it('a shutdown that fails outright is put in words, and quitting anyway still tries recovery/', async () => {
    const { p, calls } = project(new Error('folder gone'), { outcome: 'forced' });
    const { fake } = quitting(p);
    fake.app.quit();
    await eventually(() => expect(fake.dialog.messageBoxes).toHaveLength(1));
    expect(fake.dialog.messageBoxes[0]?.options.detail).toMatch(/^folder gone\n\nStay, free some space/);
    fake.dialog.messageBoxes[0]?.answer(1);
    await eventually(() => expect(fake.app.exitCode).toBe(0));
    expect(calls).toEqual([{ force: false }, { force: true }]);
  });

  it('ends the app even when recovery/ cannot be written either, and says so', async () => {
    const { p } = project(refused, { outcome: 'lost', reason: 'read-only file system' });
    const { fake } = quitting(p);
    fake.app.quit();
    await eventually(() => expect(fake.dialog.messageBoxes).toHaveLength(1));
    fake.dialog.messageBoxes[0]?.answer(1);
    await eventually(() => expect(fake.app.exitCode).toBe(0));
    expect(fake.dialog.errorBoxes).toEqual([
      {
        title: 'Some changes could not be kept',
        content: 'read-only file system\n\nThey were not written to recovery/.',
      },
    ]);
  });

  it('a forced shutdown that throws is reported the same way', async () => {
    const { p } = project(refused, new Error('EIO'));
    const { fake } = quitting(p);
    fake.app.quit();
    await eventually(() => expect(fake.dialog.messageBoxes).toHaveLength(1));
    fake.dialog.messageBoxes[0]?.answer(1);
    await eventually(() => expect(fake.app.exitCode).toBe(0));
    expect(fake.dialog.errorBoxes[0]?.content).toMatch(/^EIO/);
  });

  it('names five files and counts the rest', () => {
    expect(unsavedList(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('“a”, “b”, “c”, “d”, “e” and 2 more');
    expect(unsavedList(['a'])).toBe('“a”');
  });
});
