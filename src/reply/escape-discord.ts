import { stripControls } from '../controls.ts';
/**
 * Escaping for text that lands inside Discord markdown. Feed content is untrusted: it must not
 * format, link, ping or break out of the structure the renderer builds around it.
 */

import { safeHttpHref } from './safe-url.ts';

const ZWSP = '\u200b';

// Every character Discord's markdown gives meaning to, plus the backslash itself.
const MARKDOWN = /[\\*_~`|>#\-[\]()]/g;

/**
 * Makes mention syntax inert. `allowed_mentions: { parse: [] }` already stops pings; this also
 * stops the text *rendering* as a mention, channel link, timestamp or custom emoji.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/</g, `<${ZWSP}`);
}

/** One-line, markdown-inert, mention-inert version of untrusted text. */
export function escapeDiscord(text: string): string {
  const flat = stripControls(text).replace(/\s*[\r\n]+\s*/g, ' ');
  const escaped = flat.replace(MARKDOWN, (c) => `\\${c}`);
  // "1. " at the start of a line would render as an ordered list.
  return neutraliseMentions(escaped.replace(/^(\d+)\.(\s)/, '$1\\.$2'));
}

/**
 * A URL safe to put inside `[text](<url>)`: only http(s), and the characters that could end the
 * link early (`)`, `>`, whitespace) percent-encoded. Returns undefined for anything else.
 */
export function safeLinkUrl(url: string | undefined): string | undefined {
  return safeHttpHref(url, /[()<>\s]/g);
}

/** A masked link whose label and target are both neutralised; plain escaped text when the URL is unusable. */
export function maskedLink(label: string, url: string | undefined): string {
  const text = escapeDiscord(label) || 'link';
  const href = safeLinkUrl(url);
  // Angle brackets suppress Discord's link preview, which would otherwise unfurl every source.
  return href ? `[${text}](<${href}>)` : text;
}

/** Cuts text to at most `max` characters, ending in an ellipsis when it had to cut, never mid-escape. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Dropping the char after a lone trailing backslash would leave an escape that eats the ellipsis.
  const trailingSlashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailingSlashes % 2 === 1) cut = cut.slice(0, -1);
  // Do not leave half of a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + '…';
}
