/**
 * Save a file the browser way: a Blob, an object URL and a click on <a download>. In browser
 * mode this is a download; in Electron the shell turns it into a save dialog. Strings are
 * encoded as UTF-8 (a CSV's leading U+FEFF becomes the bytes EF BB BF).
 */
export function downloadFile(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
