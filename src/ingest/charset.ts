import iconv from 'iconv-lite';

/**
 * Turning fetched bytes into text. News feeds outside the English-speaking web still arrive in
 * windows-1251, ISO-8859-2, GBK and friends, declared in the HTTP header, the XML declaration or
 * an HTML <meta>; decoding them as UTF-8 would turn every word into mojibake.
 */

// Browsers treat these labels as windows-1252 (WHATWG Encoding); servers mislabel 1252 text as latin1 all the time.
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  'x-sjis': 'shift_jis',
  'x-cp1251': 'windows-1251',
};

/** The charset parameter of a Content-Type header, lower-cased, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m?.[1]?.toLowerCase();
}

/** encoding="…" from an XML declaration at the start of the document. */
export function charsetFromXmlDeclaration(head: string): string | undefined {
  const m = head.match(/^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/i);
  return m?.[1]?.toLowerCase();
}

/** <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…">. */
export function charsetFromMeta(head: string): string | undefined {
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?([\w.:-]+)/i);
    if (direct?.[1]) return direct[1].toLowerCase();
  }
  return undefined;
}

function bomEncoding(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  return undefined;
}

function usable(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const name = ALIASES[label] ?? label;
  return iconv.encodingExists(name) ? name : undefined;
}

/**
 * The encoding to decode with: a byte-order mark wins (it cannot lie), then the Content-Type
 * charset, the XML declaration, an HTML <meta>, and finally UTF-8. Unknown labels are skipped.
 */
export function detectEncoding(body: Buffer, contentType?: string): string {
  const bom = bomEncoding(body);
  if (bom) return bom;
  // Declarations are ASCII in every encoding we care about, so a latin1 view of the head finds them.
  const head = body.subarray(0, 4096).toString('latin1');
  return (
    usable(charsetFromContentType(contentType)) ??
    usable(charsetFromXmlDeclaration(head)) ??
    usable(charsetFromMeta(head)) ??
    'utf-8'
  );
}

/** Decodes a body to a string (BOM removed) by the declared charset. */
export function decodeBody(body: Buffer, contentType?: string): string {
  // iconv-lite strips the BOM by default.
  return iconv.decode(body, detectEncoding(body, contentType));
}
