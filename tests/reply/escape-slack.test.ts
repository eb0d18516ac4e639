import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, plainText, slackLink, slackLinkUrl, truncateMrkdwn } from '../../src/reply/escape-slack.ts';

const ZW = '\u200b';

describe('escapeMrkdwn', () => {
  it('entity-encodes & < > so no mention, broadcast or link syntax survives', () => {
    const out = escapeMrkdwn('<!everyone> <!channel> <!here> <@U123> <!subteam^S1|@team> <https://evil.example|click> & co');
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain('&lt;!everyone&gt;');
    expect(out).toContain('&lt;@U123&gt;');
    expect(out).toContain('&amp; co');
  });

  it('encodes an ampersand first so a pre-encoded &lt; cannot turn back into markup', () => {
    expect(escapeMrkdwn('&lt;!here&gt;')).toBe('&amp;lt;!here&amp;gt;');
  });

  it('fences every formatting marker with zero-width spaces so it can neither open nor close a span', () => {
    const out = escapeMrkdwn('*bold* _it_ ~s~ `code`');
    expect(out).toBe(`${ZW}*${ZW}bold${ZW}*${ZW} ${ZW}_${ZW}it${ZW}_${ZW} ${ZW}~${ZW}s${ZW}~${ZW} ${ZW}\`${ZW}code${ZW}\`${ZW}`);
    // Every marker is flanked by a non-boundary character on both sides.
    expect(out).not.toMatch(/(^|[^\u200b])[*_~`]|[*_~`]([^\u200b]|$)/);
  });

  it('flattens newlines and stops a leading > from becoming a quote', () => {
    expect(escapeMrkdwn('one\n\ntwo')).toBe('one two');
    expect(escapeMrkdwn('> quoted').startsWith(ZW + '&gt;')).toBe(true);
  });
});

describe('slack links', () => {
  it('percent-encodes | and angle brackets in the URL and entity-encodes &', () => {
    expect(slackLinkUrl('https://ex.com/a|b?x=1&y=<2>')).toBe('https://ex.com/a%7Cb?x=1&amp;y=%3C2%3E');
  });

  it('refuses non-http URLs', () => {
    expect(slackLinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(slackLinkUrl('slack://open')).toBeUndefined();
    expect(slackLink('Title', 'ftp://x')).toBe('Title');
  });

  it('neutralises | and > in a title so it cannot end the link or inject another', () => {
    const link = slackLink('A | B > <!channel>', 'https://ex.com/x');
    expect(link.startsWith('<https://ex.com/x|')).toBe(true);
    expect(link.endsWith('>')).toBe(true);
    // Exactly one separator and one closing bracket: the label cannot end the link early.
    expect(link.split('|')).toHaveLength(2);
    expect(link.slice(1, -1)).not.toMatch(/[<>]/);
  });
});

describe('truncation', () => {
  it('never leaves half an entity', () => {
    const out = truncateMrkdwn(escapeMrkdwn('abc & more text'), 7);
    expect(out).toBe('abc …');
  });

  it('plainText strips control characters and keeps to the limit', () => {
    expect(plainText('a\u0007b\nc', 150)).toBe('a b c');
    expect(plainText('x'.repeat(200), 150)).toHaveLength(150);
  });
});
