import { stripControls } from '../controls.ts';
import { parseHTML } from 'linkedom';
import { simpleHtmlText } from './simplehtml.ts';

/**
 * HTML to the plain text facts are extracted from: one paragraph per block element, paragraphs
 * separated by a blank line, entities decoded, scripts and styles dropped. Sentence splitting
 * downstream relies on paragraph breaks, so blocks must never run together.
 */

// The project compiles without the DOM lib, so describe the few node members used here.
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
export interface DomElement extends DomNode {
  tagName: string;
  remove(): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
}
export interface DomDocument {
  documentElement: DomElement;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const BLOCKS = new Set(
  (
    'address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr td th ul'
  )
    .toUpperCase()
    .split(' '),
);
const DROPPED = 'script, style, noscript, template, iframe, svg, canvas, object, embed';

/** Parses a fragment or a whole page into a linkedom document. */
export function parseHtmlDocument(html: string): DomDocument {
  const looksWhole = /^\s*(<!doctype|<html)/i.test(html);
  const source = looksWhole ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(source).document as unknown as DomDocument;
}

/** Plain text of an HTML fragment or page. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidyParagraphs(html.split(/\n\s*\n/));
  const simple = simpleHtmlText(html, 'blocks');
  if (simple !== undefined) return tidyParagraphs(simple.flatMap((p) => p.split(/\n\s*\n/)));
  const doc = parseHtmlDocument(html);
  const root = doc.body ?? doc.documentElement;
  return nodeToText(root);
}

/** Plain text of an already parsed element (its scripts and styles are removed). */
export function nodeToText(root: DomElement): string {
  for (const el of Array.from(root.querySelectorAll(DROPPED))) el.remove();
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    paragraphs.push(current);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    // Table cells on one row read better side by side than as separate paragraphs.
    if (name === 'TD' || name === 'TH') current += ' ';
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  // A <br><br> run inside one block is how many feeds separate paragraphs.
  return tidyParagraphs(paragraphs.flatMap((p) => p.split(/\n\s*\n/)));
}

function tidyParagraphs(paragraphs: string[]): string {
  return paragraphs
    .map((p) =>
      p
        .split('\n')
        .map((line) => collapseWhitespace(line))
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((p) => p !== '')
    .join('\n\n');
}

/** One space for every run of whitespace (including non-breaking and zero-width spaces), trimmed. */
export function collapseWhitespace(s: string): string {
  s = stripControls(s); // feed text never carries escape sequences, control or bidi-override characters into the store
  // Only runs that are not already a single plain space are rewritten (\s covers U+00A0): same
  // result as replacing every run, about 2.5× faster on article text, where most runs are one space.
  return s.replace(/[\s\u200b]{2,}|[^\S ]|\u200b/g, ' ').trim();
}

/** Text of a short inline string such as a title: tags removed, entities decoded, one line. */
export function inlineText(s: string): string {
  if (!/[<&]/.test(s)) return collapseWhitespace(s);
  const simple = simpleHtmlText(s, 'inline');
  if (simple !== undefined) return collapseWhitespace(simple);
  const doc = parseHtmlDocument(`<p>${s}</p>`);
  return collapseWhitespace(doc.body?.textContent ?? s);
}
