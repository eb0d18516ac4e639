import { describe, expect, it } from 'vitest';
import { channelValue, decodeSlackText } from '../../../src/platforms/slack/text.ts';

describe('decodeSlackText', () => {
  it('turns a Slack-wrapped link back into the URL that was typed, entities decoded', () => {
    expect(decodeSlackText('add <https://news.example/feed?a=1&amp;b=2|news.example/feed> every:30')).toBe('add https://news.example/feed?a=1&b=2 every:30');
    expect(decodeSlackText('<https://news.example/rss>')).toBe('https://news.example/rss');
  });

  it('reads channels as ids and mentions as readable names', () => {
    expect(decodeSlackText('<#C0NEWS|news> <#C0BARE>')).toBe('C0NEWS C0BARE');
    expect(decodeSlackText('<@U123|ann> <@U456> <!here> <!subteam^S1|@editors>')).toBe('@ann @U456 @here @editors');
  });

  it('leaves text typed as literal angle brackets as text, never as a channel', () => {
    expect(decodeSlackText('&lt;#C0EVIL|x&gt; tom &amp; jerry')).toBe('<#C0EVIL|x> tom & jerry');
    expect(channelValue(decodeSlackText('&lt;#C0EVIL|x&gt;'))).toBe('<#C0EVIL|x>');
  });

  it('decodes &amp;lt; only once', () => {
    expect(decodeSlackText('&amp;lt;')).toBe('&lt;');
  });
});
