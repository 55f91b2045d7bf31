/**
 * Saving a chart drawn as SVG (issue 16): the same markup as a standalone .svg (namespaces and the
 * fonts named on its root), or as a PNG drawn from it onto a canvas. Both go through the app's one
 * download helper. The SVG is loaded as a data: address, which the page's policy allows.
 */
import { downloadFile } from '../../app/download';

export const CHART_FONTS = "'Noto Sans Arabic', 'Noto Sans', 'Noto Naskh Arabic', sans-serif";

export function svgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('font-family', CHART_FONTS);
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0) {
    copy.setAttribute('width', String(box.width));
    copy.setAttribute('height', String(box.height));
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export function saveSvg(svg: SVGSVGElement, fileName: string): void {
  downloadFile(fileName, svgMarkup(svg), 'image/svg+xml');
}

export async function savePng(svg: SVGSVGElement, fileName: string, scale = 2): Promise<void> {
  const markup = svgMarkup(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const box = svg.viewBox.baseVal;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(box.width * scale);
  canvas.height = Math.round(box.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the picture (no 2D canvas).');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The picture could not be turned into a PNG.');
  downloadFile(fileName, new Uint8Array(await blob.arrayBuffer()), 'image/png');
}

/** hashiya-<what>-YYYY-MM-DD.<ext> */
export const chartFileName = (what: string, ext: string): string =>
  `hashiya-${what}-${new Date().toISOString().slice(0, 10)}.${ext}`;
