import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '@shared/model';
import { DocumentIndex } from './documentIndex';
import type { ProjectFile } from './schema';

const summary = (id: string, title = id) => ({ id, title }) as unknown as DocumentSummary;

describe('the document index finds each document by id however the list changed', () => {
  it('after adding, replacing, removing, reordering in place and replacing the whole list', () => {
    const project = { documents: ['a', 'b', 'c'].map((id) => summary(id)) } as unknown as ProjectFile;
    const index = new DocumentIndex(() => project);
    expect(index.get('b').title).toBe('b');
    index.add(summary('d'));
    expect(index.get('d').title).toBe('d');
    index.put(summary('b', 'B again'));
    expect(index.get('b').title).toBe('B again');
    expect(index.all()).toHaveLength(4);
    index.remove('a');
    expect(index.find('a')).toBeUndefined();
    expect(index.get('c').title).toBe('c');
    // sorted in place: the same array, the same length, other positions
    project.documents.sort((x, y) => y.id.localeCompare(x.id));
    expect(['b', 'c', 'd'].map((id) => index.get(id).id)).toEqual(['b', 'c', 'd']);
    // one swapped for another in place
    project.documents[0] = summary('e');
    expect(index.find('d')).toBeUndefined();
    expect(index.get('e').id).toBe('e');
    index.replaceAll([summary('z')]);
    expect(index.find('b')).toBeUndefined();
    expect(() => index.get('b')).toThrow('not in this project');
    expect(index.get('z').id).toBe('z');
  });
});
