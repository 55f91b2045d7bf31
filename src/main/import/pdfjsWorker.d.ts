/** pdf.js's parser module ships without types; the PDF reader needs only this from it. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
