/**
 * Writing XML text and attribute values: escaped, and without the characters XML 1.0 cannot hold
 * (C0 controls other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF), which are
 * dropped rather than written as a file no schema validator reads.
 */

const NOT_XML =
  // eslint-disable-next-line no-control-regex -- removing what XML 1.0 forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; line breaks and tabs as references so they survive. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** ` name="value"` for each defined attribute, in the order given. */
export function attrs(list: ReadonlyArray<readonly [string, string | number | boolean | null | undefined]>): string {
  let out = '';
  for (const [name, value] of list)
    if (value !== undefined && value !== null) out += ` ${name}="${xmlAttr(String(value))}"`;
  return out;
}
