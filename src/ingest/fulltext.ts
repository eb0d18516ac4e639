import { Readability } from '@mozilla/readability';
import { collapseWhitespace, nodeToText, parseHtmlDocument } from './htmltext.ts';
import type { DomDocument, DomElement } from './htmltext.ts';

/**
 * The article text of a news page, for feeds that only carry teasers. Page chrome is full of
 * numbers ("12 comments", "3,400 shares", "Top 10 stories") that would become bogus facts, so it
 * is cut away before Readability looks for the article, since Readability alone keeps some of it.
 */

const CHROME = [
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'dialog',
  'button',
  '[role=navigation]',
  '[role=banner]',
  '[role=contentinfo]',
  '[role=complementary]',
  '[role=dialog]',
  '[aria-hidden=true]',
  '[hidden]',
  '[class*=share]',
  '[class*=social]',
  '[class*=related]',
  '[class*=comment]',
  '[id*=comment]',
  '[class*=cookie]',
  '[id*=cookie]',
  '[class*=consent]',
  '[class*=newsletter]',
  '[class*=subscribe]',
  '[class*=most-read]',
  '[class*=mostread]',
  '[class*=popular]',
  '[class*=trending]',
  '[class*=promo]',
  '[class*=advert]',
  '[class*=breadcrumb]',
  '[class*=ticker]',
  '[class~=meta]',
  '[class*=-meta]',
  '[class*=byline]',
  '[class*=dateline]',
].join(', ');

/** A short line of counters ("4 min read · 27 comments") that survived the selectors. */
const COUNTER_LINE = /\b\d[\d,.]*\s*(k\s*)?(min(ute)?s?\s+read|comments?|shares?|views?|likes?|replies)\b/i;
const COUNTER_LINE_MAX_CHARS = 120;

/** Never cut these, even when a chrome selector matches them or something around them. */
const ARTICLE = 'article, main, [role=main], [itemprop=articleBody]';

/** Fewer characters than this is a stub or an index page, not an article. */
const MIN_ARTICLE_CHARS = 200;

export function extractMainText(html: string, url: string): { title?: string; text: string } | null {
  const doc = parseHtmlDocument(html);
  setBaseUrl(doc, url);
  stripChrome(doc);

  // Readability's types want a DOM Document; linkedom's is close enough for everything it calls.
  const article = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: MIN_ARTICLE_CHARS,
  }).parse();
  if (!article?.content) return null;

  const content = parseHtmlDocument(article.content);
  const text = nodeToText(content.body ?? content.documentElement)
    .split('\n\n')
    .filter((p) => !(p.length <= COUNTER_LINE_MAX_CHARS && COUNTER_LINE.test(p)))
    .join('\n\n');
  if (text.length < MIN_ARTICLE_CHARS) return null;
  const title = article.title ? collapseWhitespace(article.title) : undefined;
  return title ? { title, text } : { text };
}

function stripChrome(doc: DomDocument): void {
  for (const el of Array.from(doc.querySelectorAll(CHROME))) {
    if (isProtected(el)) continue;
    el.remove();
  }
}

function isProtected(el: DomElement): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'HTML' || tag === 'BODY') return true;
  // A wrapper such as <div class="page has-comments"> can hold the whole article.
  return el.querySelector(ARTICLE) !== null || isArticleElement(el);
}

function isArticleElement(el: DomElement): boolean {
  const tag = el.tagName.toUpperCase();
  return tag === 'ARTICLE' || tag === 'MAIN' || el.getAttribute('itemprop') === 'articleBody';
}

/** Readability resolves relative links against the document URL; linkedom documents have none. */
function setBaseUrl(doc: DomDocument, url: string): void {
  const head = doc.querySelector('head');
  if (!head || doc.querySelector('base[href]')) return;
  const base = (doc as unknown as { createElement(tag: string): DomElement & { setAttribute(n: string, v: string): void } }).createElement('base');
  base.setAttribute('href', url);
  (head as unknown as { prepend(node: unknown): void }).prepend(base);
}
