/**
 * Slash-command text arrives in Slack's own encoding: `&`, `<`, `>` as entities, and (with
 * "escape channels, users and links" on, as the manifest asks) links, channels and mentions
 * wrapped in `<…>`. This turns it back into what the person typed, so URLs and topics parse.
 */

/** `<#C123|general>` (or `<#C123>`) becomes `C123`; a link becomes its URL; a mention its readable name. */
function unwrap(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('#')) return target.slice(1);
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
  if (target.startsWith('!')) {
    const special = target.slice(1).split('^')[0]!;
    return label ? `@${label.replace(/^@/, '')}` : `@${special}`;
  }
  // A link: Slack shows the label, but the command wants the address that was typed.
  return target.startsWith('mailto:') ? (label ?? target.slice(7)) : target;
}

function decodeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Markup is unwrapped before entities are decoded, so text a person typed as a literal
 * `<#C999|x>` (which Slack sends as entities) stays text and is never read as a channel.
 */
export function decodeSlackText(text: string): string {
  return text
    .split(/(<[^<>]*>)/)
    .map((part) => (part.startsWith('<') && part.endsWith('>') ? decodeEntities(unwrap(part.slice(1, -1))) : decodeEntities(part)))
    .join('');
}

/**
 * A channel option's value as chat.postMessage accepts it. A channel Slack resolved arrived as
 * `<#C123|name>` and was unwrapped to `C123` by decodeSlackText; `#name` (one Slack did not
 * resolve) keeps its name, which chat.postMessage resolves for public channels. Text that only
 * looks like channel markup (typed literally) is left as is and fails at delivery.
 */
export function channelValue(value: string): string {
  return value.trim();
}
