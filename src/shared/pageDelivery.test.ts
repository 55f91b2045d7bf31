import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './pageDelivery';

describe('contentTypeOf', () => {
  it('names the built page’s files by their extension, in any case', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/out/renderer/assets/index-4f2a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('C:\\Hashiya\\assets\\noto-naskh-arabic.woff2')).toBe('font/woff2');
  });

  it('sends anything else as bytes: no extension, a dot only in a folder name, a dot file', () => {
    expect(contentTypeOf('assets/LICENSE')).toBe('application/octet-stream');
    expect(contentTypeOf('assets.v2/LICENSE')).toBe('application/octet-stream');
    expect(contentTypeOf('.htaccess')).toBe('application/octet-stream');
    expect(contentTypeOf('payload.exe')).toBe('application/octet-stream');
  });
});
