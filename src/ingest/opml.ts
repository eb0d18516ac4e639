import { DOMParser } from 'linkedom';
import { redactUrl } from './url.ts';
import type { DomDocument, DomElement } from './htmltext.ts';

/** OPML, the format feed readers use to move subscription lists around. */

export interface OpmlEntry {
  title?: string;
  url: string;
}

/** Every outline with an xmlUrl, at any depth (readers nest them in folders), without duplicates. */
export function parseOpml(xml: string): OpmlEntry[] {
  const doc = new DOMParser().parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml') as unknown as DomDocument;
  const root = doc.documentElement;
  if (!root || root.tagName.toLowerCase() !== 'opml') {
    throw new Error('not an OPML document: expected an <opml> root element');
  }
  const entries: OpmlEntry[] = [];
  const seen = new Set<string>();
  for (const outline of Array.from(root.querySelectorAll('outline'))) {
    // Attribute names are case-sensitive in XML, and exporters disagree on xmlUrl vs xmlurl.
    const url = (attr(outline, 'xmlUrl') ?? attr(outline, 'xmlurl') ?? attr(outline, 'url'))?.trim();
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const title = (attr(outline, 'title') ?? attr(outline, 'text'))?.trim();
    entries.push(title ? { title, url } : { url });
  }
  return entries;
}

/** linkedom's XML mode hands attribute values back with &, < and > re-escaped; undo that. */
function attr(el: DomElement, name: string): string | undefined {
  const v = el.getAttribute(name);
  return v === null ? undefined : v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A valid OPML 2.0 document listing the sources, every attribute escaped. */
export function toOpml(sources: readonly OpmlEntry[], title: string): string {
  const outlines = sources.map((s) => {
    const text = escapeXml(s.title ?? redactUrl(s.url));
    return `    <outline type="rss" text="${text}" title="${text}" xmlUrl="${escapeXml(redactUrl(s.url))}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Control characters other than tab and newline are not allowed in XML 1.0 at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}
