/** XML text for the graph exports: escaped, and without the characters XML 1.0 forbids. */

// C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF cannot appear in XML 1.0
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Text safe inside an element or a double-quoted attribute. */
export function xmlText(value: string): string {
  return value
    .replace(FORBIDDEN, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\r', '&#13;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\t', '&#9;');
}

/** A number as XML data: finite numbers as JavaScript writes them. */
export function xmlNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '0';
}
