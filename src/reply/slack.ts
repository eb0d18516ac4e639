import type { Citation, Reply, ReplyLine } from './model.ts';
import { escapeMrkdwn, plainText, slackLink, truncateMrkdwn } from './escape-slack.ts';

/**
 * Turns a Reply into Slack Block Kit messages (plain JSON, no Slack package types, so the core stays
 * platform-free). Long replies become several messages, each within every Block Kit limit and each
 * listing the sources its own lines cite.
 */

export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  header: 150,
  contextText: 3000,
  /**
   * Slack rejects a message whose blocks hold too much text (msg_blocks_too_long) well before 50
   * full sections; 12,000 characters is the documented cap for markdown blocks and a safe budget.
   */
  messageChars: 12_000,
  fallbackText: 3000,
} as const;

export interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
}

export type Block =
  | { type: 'header'; text: TextObject & { type: 'plain_text' } }
  | { type: 'section'; text: TextObject & { type: 'mrkdwn' } }
  | { type: 'context'; elements: (TextObject & { type: 'mrkdwn' })[] }
  | { type: 'divider' };

export interface SlackMessage {
  /** Notification and screen-reader fallback; escaped like every mrkdwn field. */
  text: string;
  blocks: Block[];
  /** Slash-command responses only; a channel post has no such thing. */
  response_type?: 'ephemeral' | 'in_channel';
}

export interface RenderSlackOptions {
  /**
   * A slash command's response_url takes at most five messages; past this many the reply is cut
   * and the last message says so.
   */
  maxMessages?: number;
}

interface Unit {
  text: string;
  cites: number[];
  /** A heading must not be the last thing in a message. */
  keepWithNext?: boolean;
}

interface Page {
  units: Unit[];
  cites: Set<number>;
}

const MAX_TITLE = 200;

export function renderSlack(reply: Reply, options: RenderSlackOptions = {}): SlackMessage[] {
  const citations = new Map(reply.citations.map((c) => [c.n, c]));
  const units = bodyUnits(reply, citations).flatMap(splitLongUnit);
  let pages = paginate(units, reply.citations, citations);
  let cutNote: string | undefined;
  const max = options.maxMessages ?? Infinity;
  if (pages.length > max) {
    const dropped = pages.slice(max).reduce((n, p) => n + p.units.length, 0);
    pages = pages.slice(0, Math.max(1, max));
    cutNote = `Reply cut short: ${dropped} more line${dropped === 1 ? '' : 's'} not shown. Try a narrower question.`;
  }
  const title = reply.title ? plainText(reply.title, SLACK_LIMITS.header) : undefined;

  return pages.map((page, i) => {
    const blocks: Block[] = [];
    if (title) blocks.push({ type: 'header', text: { type: 'plain_text', text: i === 0 ? title : `${plainText(reply.title ?? '', SLACK_LIMITS.header - 8)} (cont.)` } });
    blocks.push(...sectionBlocks(page.units.map((u) => u.text)));
    blocks.push(...sectionBlocks(sourcesLines(page.cites, citations)));
    const attachments = i === 0 ? attachmentNotes(reply) : [];
    const footer = [
      ...attachments,
      ...(reply.footer ? [escapeMrkdwn(reply.footer)] : []),
      ...(pages.length > 1 ? [`Part ${i + 1}/${pages.length}`] : []),
      ...(cutNote && i === pages.length - 1 ? [cutNote] : []),
    ].join(' · ');
    if (footer) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncateMrkdwn(footer, SLACK_LIMITS.contextText) }] });
    if (blocks.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '(no content)' } });

    const message: SlackMessage = { text: fallbackText(reply, page, i, pages.length), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
    message.response_type = reply.ephemeral ? 'ephemeral' : 'in_channel';
    return message;
  });
}

function bodyUnits(reply: Reply, citations: Map<number, Citation>): Unit[] {
  const units: Unit[] = [];
  // The trailing newline leaves a blank line between the intro and the first heading or line.
  if (reply.intro) units.push({ text: escapeMrkdwn(reply.intro) + '\n', cites: [] });
  for (const section of reply.sections) {
    if (section.heading) units.push({ text: `*${truncateMrkdwn(escapeMrkdwn(section.heading), 256)}*`, cites: [], keepWithNext: true });
    for (const line of section.lines) units.push(lineUnit(line, citations));
  }
  return units;
}

function lineUnit(line: ReplyLine, citations: Map<number, Citation>): Unit {
  const cites = (line.cites ?? []).filter((n) => citations.has(n));
  const marks = cites.map((n) => `[${n}]`).join('');
  const disputed = line.disputed ? ' :warning: _disputed_' : '';
  return { text: `• ${escapeMrkdwn(line.text)}${marks ? ' ' + marks : ''}${disputed}`, cites };
}

/** Splits at spaces, which never fall inside an entity or a neutralised marker. */
function splitLongUnit(unit: Unit): Unit[] {
  const max = SLACK_LIMITS.sectionText;
  if (unit.text.length <= max) return [unit];
  const parts: Unit[] = [];
  let rest = unit.text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) {
      cut = max;
      const entity = /&[a-z]{0,3}$/.exec(rest.slice(0, cut));
      if (entity) cut -= entity[0].length;
      if (/[\ud800-\udbff]$/.test(rest.slice(0, cut))) cut -= 1;
    }
    parts.push({ text: rest.slice(0, cut), cites: [] });
    rest = rest.slice(cut).trimStart();
  }
  // The citation marks sit at the end, so the last part carries the citations.
  parts.push({ text: rest, cites: unit.cites });
  return parts;
}

/** Packs lines into as few section blocks as fit, each at most 3000 characters. */
function sectionBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
  return blocks;
}

function citationLine(c: Citation): string {
  const meta = [c.source, c.published].filter((s): s is string => Boolean(s)).map((s) => escapeMrkdwn(s));
  const title = c.title.length > MAX_TITLE ? c.title.slice(0, MAX_TITLE - 1) + '…' : c.title;
  return truncateMrkdwn(`[${c.n}] ${slackLink(title, c.url)}${meta.length > 0 ? ' — ' + meta.join(', ') : ''}`, SLACK_LIMITS.sectionText);
}

function sourcesLines(ns: Iterable<number>, citations: Map<number, Citation>): string[] {
  const lines = [...new Set(ns)]
    .sort((a, b) => a - b)
    .map((n) => citations.get(n))
    .filter((c): c is Citation => c !== undefined)
    .map(citationLine);
  return lines.length > 0 ? ['*Sources*', ...lines] : [];
}

function pageSize(page: Page, citations: Map<number, Citation>): { chars: number; blocks: number } {
  const body = sectionBlocks(page.units.map((u) => u.text));
  const sources = sectionBlocks(sourcesLines(page.cites, citations));
  const chars = [...body, ...sources].reduce((n, b) => n + (b.type === 'section' ? b.text.text.length : 0), 0);
  return { chars, blocks: body.length + sources.length };
}

// Header and footer blocks are added after pagination; keep room for them and their text.
const BODY_BLOCKS = SLACK_LIMITS.blocks - 2;
const BODY_CHARS = SLACK_LIMITS.messageChars - SLACK_LIMITS.header - SLACK_LIMITS.contextText;

function fits(page: Page, citations: Map<number, Citation>): boolean {
  const { chars, blocks } = pageSize(page, citations);
  return chars <= BODY_CHARS && blocks <= BODY_BLOCKS;
}

function paginate(units: Unit[], all: Citation[], citations: Map<number, Citation>): Page[] {
  const pages: Page[] = [];
  let page: Page = { units: [], cites: new Set() };
  for (const unit of units) {
    const next: Page = { units: [...page.units, unit], cites: new Set([...page.cites, ...unit.cites]) };
    if (page.units.length > 0 && !fits(next, citations)) {
      // Carry a trailing heading over so it stays with its first line.
      const carried = page.units.at(-1)?.keepWithNext && page.units.length > 1 ? [page.units.pop()!] : [];
      pages.push(page);
      page = { units: [...carried, unit], cites: new Set(unit.cites) };
      continue;
    }
    page = next;
  }
  // Citations no line refers to (a plain source list) go on the last page, or pages of their own.
  const cited = new Set([...pages, page].flatMap((p) => [...p.cites]));
  for (const c of all) {
    if (cited.has(c.n)) continue;
    const next: Page = { units: page.units, cites: new Set([...page.cites, c.n]) };
    if ((page.units.length > 0 || page.cites.size > 0) && !fits(next, citations)) {
      pages.push(page);
      page = { units: [], cites: new Set([c.n]) };
    } else {
      page = next;
    }
  }
  pages.push(page);
  return pages;
}

/** Attachments (charts) are not uploaded to Slack; their description still reaches the reader. */
function attachmentNotes(reply: Reply): string[] {
  return (reply.attachments ?? []).map((a) => `:paperclip: ${escapeMrkdwn(a.description ?? a.name)}`);
}

function fallbackText(reply: Reply, page: Page, i: number, count: number): string {
  const intro = reply.intro ? escapeMrkdwn(reply.intro) : undefined;
  const text = reply.title ? [escapeMrkdwn(reply.title), intro].filter(Boolean).join(': ') : intro ?? page.units[0]?.text ?? 'factfeed';
  const part = count > 1 ? ` (${i + 1}/${count})` : '';
  return truncateMrkdwn(text, SLACK_LIMITS.fallbackText - part.length) + part;
}
