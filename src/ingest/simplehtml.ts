/**
 * A fast path for the HTML most feeds carry: paragraphs of text with links and emphasis. Building a
 * linkedom document for that was half of the time spent parsing a feed. Anything this reader is not
 * sure it reads exactly as linkedom does (another element, an unknown entity, odd markup) makes it
 * give up and return undefined, so the caller falls back to the full parser.
 */

/** Elements that only wrap text: dropping their tags leaves exactly the text linkedom would give. */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'mark', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb', copy: '\u00a9', reg: '\u00ae',
  trade: '\u2122', euro: '\u20ac', pound: '\u00a3', deg: '\u00b0', middot: '\u00b7', bull: '\u2022', eacute: '\u00e9', shy: '\u00ad',
};

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/y;
const ENTITY = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/y;
const SPECIAL = /[<&\r\0]/g;

/** A closing tag closes its element and everything inside it; a stray </p> is an empty paragraph. */
function closeElement(open: string[], name: string, flush: () => void): void {
  const pos = open.lastIndexOf(name);
  if (pos < 0) {
    if (name === 'p') flush();
    return;
  }
  for (const closed of open.splice(pos)) if (closed === 'p') flush();
}

/** A code point that HTML decodes as itself (no replacement character, no Windows-1252 remapping). */
function plainCodePoint(cp: number): boolean {
  return (cp >= 0x20 && cp < 0x7f) || cp === 0x09 || cp === 0x0a || (cp >= 0xa0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff));
}

/**
 * The text of simple HTML as linkedom's tree walk would collect it: `blocks` gives the text of each
 * paragraph (a <p> boundary starts a new one, <br> becomes a newline); otherwise all text is one
 * string, as an element's textContent. Undefined when the markup needs the full parser.
 */
export function simpleHtmlText(html: string, mode: 'blocks'): string[] | undefined;
export function simpleHtmlText(html: string, mode: 'inline'): string | undefined;
export function simpleHtmlText(html: string, mode: 'blocks' | 'inline'): string[] | string | undefined {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    if (mode === 'inline') return;
    blocks.push(current);
    current = '';
  };
  /** Elements open at this point, innermost last: closing one closes those inside it, <p>s included. */
  const open: string[] = [];
  let at = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(html); m !== null; m = SPECIAL.exec(html)) {
    const i = m.index;
    current += html.slice(at, i);
    const c = html[i];
    if (c !== '<' && c !== '&') return undefined;
    if (c === '&') {
      const next = html[i + 1];
      if (next === undefined || /\s/.test(next)) {
        current += '&';
        at = i + 1;
      } else {
        ENTITY.lastIndex = i;
        const e = ENTITY.exec(html);
        if (e === null) return undefined;
        const cp = e[1] !== undefined ? Number(e[1]) : e[2] !== undefined ? parseInt(e[2], 16) : undefined;
        const decoded = cp !== undefined ? (plainCodePoint(cp) ? String.fromCodePoint(cp) : undefined) : NAMED[e[3]!];
        if (decoded === undefined) return undefined;
        current += decoded;
        at = ENTITY.lastIndex;
      }
    } else if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      // "<!-->" and "<!--->" end at once in HTML; leave such oddities to the full parser.
      if (end < 0 || html[i + 4] === '>' || html.startsWith('->', i + 4) || html.slice(i + 4, end).includes('--')) return undefined;
      at = end + 3;
    } else {
      TAG.lastIndex = i;
      const t = TAG.exec(html);
      if (t === null) return undefined;
      const name = t[2]!.toLowerCase();
      if (name === 'br') {
        // "</br>" is a line break too.
        if (mode === 'blocks') current += '\n';
      } else if (name !== 'p' && !INLINE.has(name)) return undefined;
      else if (t[1] === '/') closeElement(open, name, flush);
      else {
        // As in the HTML parser linkedom uses: a <p> closes an open <p> only when it is the innermost element.
        if (name === 'p' && open.at(-1) === 'p') closeElement(open, 'p', flush);
        open.push(name);
        if (name === 'p') flush();
      }
      at = TAG.lastIndex;
    }
    SPECIAL.lastIndex = at;
  }
  current += html.slice(at);
  if (mode === 'inline') return current;
  blocks.push(current);
  return blocks;
}
