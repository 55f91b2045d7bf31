/**
 * Save a file the browser way: a Blob, an object URL and a click on <a download>. In browser
 * mode this is a download; in Electron the shell turns it into a save dialog (shell/dialogs.ts). Strings are
 * encoded as UTF-8 (a CSV's leading U+FEFF becomes the bytes EF BB BF).
 */
export function downloadFile(fileName: string, content: string | Uint8Array<ArrayBuffer>, mimeType: string): void {
  const type = typeof content === 'string' ? `${mimeType};charset=utf-8` : mimeType;
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Bytes from base64 (how the API carries a .zip). */
export function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
