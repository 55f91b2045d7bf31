import { afterEach, beforeEach, expect, it } from 'vitest';
import { defaultCodebook } from '@shared/defaultCodebook';
import { openTestProject, removeDir, tempDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

it('restoring an older project.json keeps codes that annotations use, and says so', async () => {
  const first = await openTestProject(dir);
  await first.store.close();

  const p = await openTestProject(dir);
  const codebook = defaultCodebook();
  codebook.codes.push({
    id: 'new-code',
    name: 'Mediation offer',
    nameAr: 'عرض وساطة',
    description: '',
    example: '',
    color: '#123456',
    key: '8',
    parentId: 'politics',
  });
  await p.call('codebook.save', codebook); // the first save of this session backs up the old file
  const { document } = await p.call('documents.importText', { text: 'عرضت الجزائر الوساطة بين الطرفين.' });
  await p.call('annotations.create', { documentId: document.id, start: 0, end: 4, codes: ['new-code'] });

  const backups = await p.call('backups.list', { documentId: null });
  const older = backups.filter((b) => b.documentId === null).at(-1); // newest first: take the oldest
  expect(older).toBeDefined();
  await p.call('backups.restore', { documentId: null, name: older?.name ?? '' });

  const after = await p.call('codebook.get', {});
  expect(after.codes.find((c) => c.id === 'new-code')).toMatchObject({
    name: 'Mediation offer',
    parentId: 'politics',
    key: '8',
  });
  const info = await p.call('project.info', {});
  expect(info.notices.map((n) => n.code)).toContain('codes_kept');
  await p.store.close();
});
