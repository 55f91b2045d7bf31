/**
 * A fresh test project for each test of a file: a temporary folder opened by the one harness
 * (project.ts) before each test, closed and removed after it. `opened` receives the project.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openTestProject, type TestProject } from './project';

/** The bundled sample article (the text most service tests import). */
export const SAMPLE_TEXT = readFileSync(path.resolve('resources/sample/libya-ceasefire-2019.ar.txt'), 'utf8');

export function eachTestProject(prefix: string, opened: (project: TestProject) => void): void {
  let dir = '';
  let project: TestProject | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    project = await openTestProject(dir);
    opened(project);
  });
  afterEach(async () => {
    await project?.close();
    project = null;
    await rm(dir, { recursive: true, force: true });
  });
}
