import { describe, expect, it } from 'vitest';
import { escapeDiscord, maskedLink, neutraliseMentions, safeLinkUrl, truncate } from '../../src/reply/escape-discord.ts';

describe('escapeDiscord', () => {
  it('backslash-escapes every markdown character so feed text cannot format', () => {
    expect(escapeDiscord('**bold** _it_ ~~s~~ `code` ||spoiler|| > quote # h - [x](y) \\')).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\> quote \\# h \\- \\[x\\]\\(y\\) \\\\',
    );
  });

  it('makes @everyone, @here, user, role and channel mentions inert', () => {
    const out = escapeDiscord('@everyone @HERE <@123> <@!5> <@&456> <#789>');
    expect(out).not.toMatch(/@everyone|@here/i);
    expect(out).not.toMatch(/<[@#]/);
    expect(out).toContain('@\u200beveryone');
    expect(out).toContain('<\u200b@&456\\>');
  });

  it('flattens newlines so untrusted text cannot start a heading or list line', () => {
    expect(escapeDiscord('one\n# two\r\n\n- three')).toBe('one \\# two \\- three');
    expect(escapeDiscord('1. first')).toBe('1\\. first');
  });
});

describe('links', () => {
  it('percent-encodes characters that would end a masked link early', () => {
    expect(safeLinkUrl('https://ex.com/a_(b)?q=<x>')).toBe('https://ex.com/a_%28b%29?q=%3Cx%3E');
  });

  it('refuses non-http URLs so a citation cannot carry javascript: or discord: links', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(maskedLink('Title', 'javascript:alert(1)')).toBe('Title');
  });

  it('escapes the label of a masked link and wraps the URL in angle brackets', () => {
    expect(maskedLink('[evil](https://x.y) @here', 'https://news.example/a')).toBe(
      '[\\[evil\\]\\(https://x.y\\) @\u200bhere](<https://news.example/a>)',
    );
  });
});

describe('truncate', () => {
  it('never leaves a dangling backslash that would escape the ellipsis', () => {
    const out = truncate('abc\\*def', 5);
    expect(out).toBe('abc…');
    expect(out.length).toBeLessThanOrEqual(5);
  });

  it('leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(neutraliseMentions('plain')).toBe('plain');
  });
});
