import type { Citation, Reply, ReplyKind, ReplyLine } from './model.ts';
import { escapeDiscord, maskedLink, neutraliseMentions, truncate } from './escape-discord.ts';

/**
 * Turns a Reply into Discord message payloads (plain JSON, no discord.js types so the core stays
 * platform-free). Long replies become several messages ("pages"), each within every embed limit,
 * each listing the sources its own lines cite.
 */

export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  files: 10,
} as const;

export const EPHEMERAL_FLAG = 64;

export const KIND_COLOURS: Record<ReplyKind, number> = {
  answer: 0x5865f2,
  info: 0x4f7cac,
  ok: 0x57f287,
  error: 0xed4245,
};

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  image?: { url: string };
}

export interface DiscordFile {
  name: string;
  contentType: string;
  data: Uint8Array;
  description?: string | undefined;
}

export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: string[] };
  flags?: number;
  /** Uploaded with the first page; the platform layer turns these into multipart files. */
  files?: DiscordFile[];
}

interface Unit {
  text: string;
  cites: number[];
  /** A heading must not be the last thing on a page. */
  keepWithNext?: boolean;
}

// Room left for a page's "Sources" block is found per page; units longer than this are split first.
const MAX_UNIT = 3000;
const MAX_URL = 512;

export function renderDiscord(reply: Reply): DiscordMessage[] {
  const citations = new Map(reply.citations.map((c) => [c.n, c]));
  const units = bodyUnits(reply, citations).flatMap(splitLongUnit);
  const descriptions = paginate(units, reply.citations, citations);
  const title = reply.title ? truncate(escapeDiscord(reply.title), DISCORD_LIMITS.title) : undefined;
  const files = (reply.attachments ?? []).slice(0, DISCORD_LIMITS.files).map((a) => ({ ...a, name: safeFileName(a.name) }));
  const image = files.find((f) => f.contentType.startsWith('image/'));

  return descriptions.map((description, i) => {
    const embed: DiscordEmbed = { color: KIND_COLOURS[reply.kind] };
    if (title) embed.title = i === 0 ? title : truncate(`${title} (cont.)`, DISCORD_LIMITS.title);
    // An embed needs a title or a description; a zero-width space stands in for an empty reply.
    if (description) embed.description = description;
    else if (!embed.title) embed.description = '\u200b';
    const footer = footerText(reply.footer, i, descriptions.length);
    const room = DISCORD_LIMITS.total - (embed.title?.length ?? 0) - (embed.description?.length ?? 0);
    if (footer) embed.footer = { text: truncate(footer, Math.min(DISCORD_LIMITS.footer, room)) };
    if (i === 0 && image) embed.image = { url: `attachment://${image.name}` };

    const message: DiscordMessage = { embeds: [embed], allowed_mentions: { parse: [] } };
    if (reply.ephemeral) message.flags = EPHEMERAL_FLAG;
    if (i === 0 && files.length > 0) message.files = files;
    return message;
  });
}

function bodyUnits(reply: Reply, citations: Map<number, Citation>): Unit[] {
  const units: Unit[] = [];
  if (reply.intro) units.push({ text: escapeDiscord(reply.intro) + '\n', cites: [] });
  for (const section of reply.sections) {
    if (section.heading) units.push({ text: `**${truncate(escapeDiscord(section.heading), 256)}**`, cites: [], keepWithNext: true });
    for (const line of section.lines) units.push(lineUnit(line, citations));
  }
  return units;
}

function lineUnit(line: ReplyLine, citations: Map<number, Citation>): Unit {
  const cites = (line.cites ?? []).filter((n) => citations.has(n));
  const marks = cites.map((n) => `\\[${n}\\]`).join('');
  const disputed = line.disputed ? ' ⚠️ *disputed*' : '';
  return { text: `• ${escapeDiscord(line.text)}${marks ? ' ' + marks : ''}${disputed}`, cites };
}

/** Splits at spaces so no backslash escape or neutralised mention is cut in half. */
function splitLongUnit(unit: Unit): Unit[] {
  if (unit.text.length <= MAX_UNIT) return [unit];
  const parts: Unit[] = [];
  let rest = unit.text;
  while (rest.length > MAX_UNIT) {
    let cut = rest.lastIndexOf(' ', MAX_UNIT);
    if (cut < MAX_UNIT / 2) {
      cut = MAX_UNIT;
      const slashes = /\\+$/.exec(rest.slice(0, cut))?.[0].length ?? 0;
      if (slashes % 2 === 1) cut -= 1;
    }
    parts.push({ text: rest.slice(0, cut), cites: [] });
    rest = rest.slice(cut).trimStart();
  }
  // The citation marks sit at the end, so the last part carries the citations.
  parts.push({ text: rest, cites: unit.cites });
  return parts;
}

function citationLine(c: Citation): string {
  const meta = [c.source, c.published].filter((s): s is string => Boolean(s)).map(escapeDiscord);
  const url = c.url && c.url.length <= MAX_URL ? c.url : undefined;
  const label = maskedLink(truncate(c.title, 200), url);
  return `\\[${c.n}\\] ${label}${meta.length > 0 ? ' — ' + meta.join(', ') : ''}`;
}

function sourcesBlock(ns: Iterable<number>, citations: Map<number, Citation>, budget: number): string {
  const lines = [...new Set(ns)]
    .sort((a, b) => a - b)
    .map((n) => citations.get(n))
    .filter((c): c is Citation => c !== undefined)
    .map(citationLine);
  if (lines.length === 0) return '';
  const head = '\n\n**Sources**';
  let block = head;
  for (const [i, line] of lines.entries()) {
    const more = `\n…and ${lines.length - i} more`;
    // Leave room for the "and N more" note unless this is the last line.
    const reserve = i === lines.length - 1 ? 0 : more.length;
    if (block.length + 1 + line.length + reserve > budget) return block === head ? '' : block + more;
    block += '\n' + line;
  }
  return block;
}

function paginate(units: Unit[], all: Citation[], citations: Map<number, Citation>): string[] {
  const limit = DISCORD_LIMITS.description;
  const pages: { units: Unit[]; cites: Set<number> }[] = [];
  let page: { units: Unit[]; cites: Set<number> } = { units: [], cites: new Set() };
  const size = (us: Unit[], cs: Iterable<number>): number =>
    us.map((u) => u.text).join('\n').length + sourcesBlock(cs, citations, Infinity).length;

  for (const unit of units) {
    const cites = new Set([...page.cites, ...unit.cites]);
    if (page.units.length > 0 && size([...page.units, unit], cites) > limit) {
      // Carry a trailing heading over so it stays with its first line.
      const carried = page.units.at(-1)?.keepWithNext && page.units.length > 1 ? [page.units.pop()!] : [];
      pages.push(page);
      page = { units: carried, cites: new Set(unit.cites) };
      page.units.push(unit);
      continue;
    }
    page.units.push(unit);
    page.cites = cites;
  }
  pages.push(page);

  // Citations no line refers to (a plain source list) go on the last page, or pages of their own.
  const cited = new Set(pages.flatMap((p) => [...p.cites]));
  const uncited = all.map((c) => c.n).filter((n) => !cited.has(n));
  return [...pages.slice(0, -1), ...withUncited(pages.at(-1)!, uncited, citations, limit)].map((p) => {
    const body = p.units.map((u) => u.text).join('\n');
    return (body + sourcesBlock(p.cites, citations, limit - body.length)).trim();
  });
}

function withUncited(
  last: { units: Unit[]; cites: Set<number> },
  uncited: number[],
  citations: Map<number, Citation>,
  limit: number,
): { units: Unit[]; cites: Set<number> }[] {
  const pages = [last];
  let page = last;
  for (const n of uncited) {
    const cites = new Set([...page.cites, n]);
    const body = page.units.map((u) => u.text).join('\n');
    if ((page.units.length > 0 || page.cites.size > 0) && body.length + sourcesBlock(cites, citations, Infinity).length > limit) {
      page = { units: [], cites: new Set([n]) };
      pages.push(page);
    } else {
      page.cites = cites;
    }
  }
  return pages;
}

function footerText(footer: string | undefined, page: number, pages: number): string | undefined {
  const parts = [footer ? neutraliseMentions(footer) : undefined, pages > 1 ? `Page ${page + 1}/${pages}` : undefined];
  const text = parts.filter(Boolean).join(' · ');
  return text || undefined;
}

/** Discord only resolves `attachment://name` for names of these characters. */
function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
  return truncate(cleaned || 'file', 100);
}
