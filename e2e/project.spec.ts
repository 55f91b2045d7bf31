import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Hashiya } from './fixtures';
import { openTool } from './helpers/tools';
import { installDesktopBridge, menuCommand } from './helpers/desktopBridge';

async function openProjectPanel(page: Page) {
  await openTool(page, 'project');
  const panel = page.getByRole('dialog', { name: 'Project' });
  await expect(panel).toBeVisible();
  return panel;
}

test('Project…: start a new project in a typed folder, then go back to the first through Recent projects', async ({
  page,
  hashiya,
}) => {
  const sample = await hashiya.sample();
  const firstPath = (await hashiya.ok<{ path: string }>('project.info')).path;
  await hashiya.open(page);
  let panel = await openProjectPanel(page);
  // browser mode has no folder dialog: nothing to do until a path is typed
  await expect(panel.getByRole('button', { name: 'New project' })).toBeDisabled();
  await expect(panel.getByText('Type the full path of a folder.', { exact: false })).toBeVisible();

  const second = path.join(hashiya.dataDir, 'second-study');
  await panel.getByLabel('Folder path').fill(second);
  await panel.getByLabel('Name for a new project (optional)').fill('دراسة ثانية');
  await panel.getByRole('button', { name: 'New project' }).click();
  await expect(page.getByText('No documents yet. Import an article to start.')).toBeVisible();
  expect(existsSync(path.join(second, 'project.json'))).toBe(true);
  expect((await hashiya.ok<{ name: string; path: string }>('project.info')).name).toBe('دراسة ثانية');

  // a folder that holds no project is refused with a sentence, and nothing changes
  panel = await openProjectPanel(page);
  await panel.getByLabel('Folder path').fill(path.join(hashiya.dataDir, 'nothing-here'));
  await panel.getByRole('button', { name: 'Open project' }).click();
  await expect(panel.getByRole('alert')).not.toBeEmpty();
  expect((await hashiya.ok<{ name: string }>('project.info')).name).toBe('دراسة ثانية');

  // the new project is listed as the open one; go back to the first by its path
  await expect(
    panel.getByRole('region', { name: 'Recent projects' }).getByRole('button', { name: /دراسة ثانية \(open\)/ }),
  ).toBeDisabled();
  await panel.getByLabel('Folder path').fill(firstPath);
  await panel.getByRole('button', { name: 'Open project' }).click();
  await expect(page.getByRole('button', { name: sample.title }).first()).toBeVisible();
  expect((await hashiya.ok<{ path: string }>('project.info')).path).toBe(firstPath);
});

/**
 * The desktop app's renderer talks IPC through the preload's window.hashiya. Here a stand-in
 * bridge forwards each method to the local server, except the folder dialog, which it answers
 * as the shell would: this runs the renderer's IPC path and its "choose a folder" flow.
 */
async function withDesktopBridge(page: Page, hashiya: Hashiya, chosen: string | null) {
  await installDesktopBridge(page, hashiya.token, chosen);
}

test('desktop app: with no path typed, New project asks for the folder in the system dialog', async ({
  page,
  hashiya,
}) => {
  const folder = path.join(hashiya.dataDir, 'chosen-in-dialog');
  await withDesktopBridge(page, hashiya, folder);
  await page.goto(hashiya.origin);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const panel = await openProjectPanel(page);
  await expect(
    panel.getByText('Leave the path empty to choose the folder in a dialog', { exact: false }),
  ).toBeVisible();
  await panel.getByRole('button', { name: 'New project' }).click();
  await expect(page.getByText('No documents yet. Import an article to start.')).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('picks'))).toBe(JSON.stringify([{ purpose: 'create' }]));
  expect((await hashiya.ok<{ path: string }>('project.info')).path).toBe(folder);
  expect(existsSync(path.join(folder, 'project.json'))).toBe(true);
});

test('desktop app: cancelling the folder dialog changes nothing', async ({ page, hashiya }) => {
  await withDesktopBridge(page, hashiya, null);
  await page.goto(hashiya.origin);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const before = await hashiya.ok<{ path: string }>('project.info');
  const panel = await openProjectPanel(page);
  await panel.getByRole('button', { name: 'Open project' }).click();
  await expect
    .poll(() => page.evaluate(() => sessionStorage.getItem('picks')))
    .toBe(JSON.stringify([{ purpose: 'open' }]));
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  expect(await hashiya.ok<{ path: string }>('project.info')).toEqual(before);
});

test('desktop app: File ▸ Open Project… asks for the folder at once and opens it; Restore from Backup… opens its window', async ({
  page,
  hashiya,
}) => {
  const first = (await hashiya.ok<{ path: string }>('project.info')).path;
  const other = path.join(hashiya.dataDir, 'fieldwork-2019');
  await hashiya.ok('project.create', { path: other, name: 'Fieldwork 2019' });
  await hashiya.ok('project.open', { path: first });
  await withDesktopBridge(page, hashiya, other);
  await page.goto(hashiya.origin);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const menu = (command: string) => menuCommand(page, command);

  await menu('restore-backup');
  await expect(page.getByRole('dialog', { name: 'Restore from backup' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await menu('open-project');
  await expect(page.getByText('No documents yet. Import an article to start.')).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('picks'))).toBe(JSON.stringify([{ purpose: 'open' }]));
  expect((await hashiya.ok<{ path: string; name: string }>('project.info')).name).toBe('Fieldwork 2019');
});
