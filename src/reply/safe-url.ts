/**
 * The href of an http(s) URL with the given characters percent-encoded, or undefined for anything
 * that is not http(s). Each renderer names the characters that would end a link in its own markup.
 */
export function safeHttpHref(url: string | undefined, unsafe: RegExp): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(unsafe, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
