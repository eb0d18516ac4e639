import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, EPHEMERAL_FLAG, KIND_COLOURS, renderDiscord } from '../../src/reply/discord.ts';
import type { DiscordMessage } from '../../src/reply/discord.ts';
import { errorReply } from '../../src/reply/model.ts';
import type { Citation, Reply } from '../../src/reply/model.ts';

function embedSize(m: DiscordMessage): number {
  return m.embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

function assertWithinLimits(m: DiscordMessage): void {
  expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  expect(m.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(embedSize(m)).toBeLessThanOrEqual(DISCORD_LIMITS.total);
  for (const e of m.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
  }
}

const kursk: Reply = {
  kind: 'answer',
  title: 'Figures: prisoners',
  intro: 'Counts of captured soldiers reported since August.',
  sections: [
    {
      heading: 'Captured',
      lines: [
        { text: 'More than 700 soldiers captured (Kyiv, 2024-08-14)', cites: [1] },
        { text: '971 soldiers captured', cites: [2], disputed: true },
      ],
    },
  ],
  citations: [
    { n: 1, title: 'Kursk push continues', url: 'https://news.example/a', source: 'Example News', published: '2024-08-14' },
    { n: 2, title: 'Prisoner count rises', url: 'https://wire.example/b(1)', source: 'Wire', published: '2024-08-20' },
  ],
  footer: 'factfeed',
};

describe('renderDiscord', () => {
  it('renders an answer as one embed with cited lines, sources as masked links, and no mentions allowed', () => {
    const [msg, ...rest] = renderDiscord(kursk);
    expect(rest).toHaveLength(0);
    expect(msg!.allowed_mentions).toEqual({ parse: [] });
    expect(msg!.flags).toBeUndefined();
    const embed = msg!.embeds[0]!;
    expect(embed.color).toBe(KIND_COLOURS.answer);
    expect(embed.title).toBe('Figures: prisoners');
    expect(embed.footer).toEqual({ text: 'factfeed' });
    expect(embed.description).toBe(
      [
        'Counts of captured soldiers reported since August.',
        '',
        '**Captured**',
        '• More than 700 soldiers captured \\(Kyiv, 2024\\-08\\-14\\) \\[1\\]',
        '• 971 soldiers captured \\[2\\] ⚠️ *disputed*',
        '',
        '**Sources**',
        '\\[1\\] [Kursk push continues](<https://news.example/a>) — Example News, 2024\\-08\\-14',
        '\\[2\\] [Prisoner count rises](<https://wire.example/b%281%29>) — Wire, 2024\\-08\\-20',
      ].join('\n'),
    );
  });

  it('colours errors red and marks ephemeral replies with flag 64', () => {
    const [msg] = renderDiscord(errorReply('Unknown topic'));
    expect(msg!.embeds[0]!.color).toBe(0xed4245);
    expect(msg!.flags).toBe(EPHEMERAL_FLAG);
  });

  it('leaves feed text carrying @everyone, role mentions and markdown inert', () => {
    const reply: Reply = {
      kind: 'answer',
      sections: [{ lines: [{ text: '@everyone look <@&123> **now** [click](https://evil.example)' }] }],
      citations: [],
    };
    const description = renderDiscord(reply)[0]!.embeds[0]!.description!;
    expect(description).not.toMatch(/@everyone|<@&|\*\*now|\[click\]\(/);
    expect(description).toContain('@\u200beveryone');
  });

  it('splits a huge reply into pages that each stay within every embed limit and cite their own sources', () => {
    const citations: Citation[] = Array.from({ length: 120 }, (_, i) => ({
      n: i + 1,
      title: `Article number ${i + 1} with a fairly long headline about the offensive`,
      url: `https://news.example/articles/${i + 1}`,
      source: 'Example News',
      published: '2024-08-14',
    }));
    const lines = Array.from({ length: 300 }, (_, i) => ({
      text: `Line ${i}: ` + 'figure '.repeat(30),
      cites: [(i % 120) + 1],
    }));
    const reply: Reply = { kind: 'answer', title: 'T'.repeat(400), sections: [{ heading: 'All', lines }], citations, footer: 'f' };
    const pages = renderDiscord(reply);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach(assertWithinLimits);
    pages.forEach((p, i) => expect(p.embeds[0]!.footer!.text).toBe(`f · Page ${i + 1}/${pages.length}`));
    for (const p of pages) {
      const d = p.embeds[0]!.description!;
      const cited = [...d.matchAll(/• .*\\\[(\d+)\\\]/g)].map((m) => m[1]);
      for (const n of cited) expect(d).toContain(`\\[${n}\\] [Article number ${n} `);
    }
    const allText = pages.map((p) => p.embeds[0]!.description).join('\n');
    for (let i = 0; i < 300; i++) expect(allText).toContain(`Line ${i}:`);
  });

  it('splits a single line longer than a page at spaces without losing text', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    const pages = renderDiscord({ kind: 'info', sections: [{ lines: [{ text }] }], citations: [] });
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach(assertWithinLimits);
    const joined = pages.map((p) => p.embeds[0]!.description).join(' ');
    expect(joined).toContain('w0 ');
    expect(joined).toContain('w1999');
  });

  it('puts a long plain source list with no cited lines on pages of its own within limits', () => {
    const citations = Array.from({ length: 200 }, (_, i) => ({ n: i + 1, title: `Feed ${i + 1}`, url: `https://f.example/${i}` }));
    const pages = renderDiscord({ kind: 'info', title: 'Sources', sections: [], citations });
    pages.forEach(assertWithinLimits);
    const joined = pages.map((p) => p.embeds[0]!.description).join('\n');
    expect(joined).toContain('[Feed 200](<https://f.example/199>)');
  });

  it('attaches files to the first page and shows an image attachment in the embed', () => {
    const data = new Uint8Array([1, 2, 3]);
    const pages = renderDiscord({
      kind: 'answer',
      intro: 'chart',
      sections: [],
      citations: [],
      attachments: [{ name: 'prisoner chart.png', contentType: 'image/png', data }],
    });
    expect(pages[0]!.files).toEqual([{ name: 'prisoner_chart.png', contentType: 'image/png', data }]);
    expect(pages[0]!.embeds[0]!.image).toEqual({ url: 'attachment://prisoner_chart.png' });
  });
});
