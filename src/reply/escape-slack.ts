import { stripControls } from '../controls.ts';
import { safeHttpHref } from './safe-url.ts';

/**
 * Escaping for text that lands inside Slack mrkdwn. Feed content is untrusted: it must not ping
 * (`<!everyone>`, `<@U123>`, `<!subteam^…>`), link, format, or break out of the structure the
 * renderer builds around it.
 */

const ZWSP = '\u200b';

/**
 * Slack has no backslash escape for `*_~\``. Its parser only opens or closes formatting at a word
 * boundary (whitespace, punctuation or the end of the text), so a zero-width space on both sides of
 * each marker means it can neither open nor close a span, while the reader still sees the character.
 */
const MARKERS = /[*_~`]/g;

/** The three characters Slack itself encodes; everything it parses as markup starts with `<`. */
export function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One-line, markup-inert, mention-inert version of untrusted text for a mrkdwn field. */
export function escapeMrkdwn(text: string): string {
  const flat = stripControls(text).replace(/\s*[\r\n]+\s*/g, ' ');
  const escaped = escapeEntities(flat).replace(MARKERS, (c) => `${ZWSP}${c}${ZWSP}`);
  // "&gt;" at the start of a line still renders as a block quote.
  return escaped.startsWith('&gt;') ? ZWSP + escaped : escaped;
}

/**
 * A URL safe inside `<url|label>`: http(s) only, with `|` (which would end the URL), angle
 * brackets and whitespace percent-encoded and `&` entity-encoded. Undefined for anything else.
 */
export function slackLinkUrl(url: string | undefined): string | undefined {
  return safeHttpHref(url, /[|<>\s]/g)?.replace(/&/g, '&amp;');
}

/**
 * A link whose label and target are both neutralised; escaped plain text when the URL is unusable.
 * A `|` in the label would be read as part of Slack's syntax by some clients, so it becomes a
 * look-alike bar.
 */
export function slackLink(label: string, url: string | undefined): string {
  const text = escapeMrkdwn(label.replace(/\|/g, '\u2223')) || 'link';
  const href = slackLinkUrl(url);
  return href ? `<${href}|${text}>` : text;
}

/** Cuts escaped text to at most `max` characters, ending in an ellipsis, never inside an entity or surrogate pair. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + '…';
}

/** Plain text (header blocks, `plain_text` fields): no markup is parsed, so only length and control characters matter. */
export function plainText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = stripControls(text.replace(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/g, ' ')).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + '…';
}
