import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/reply/model.ts';
import { renderSlack, SLACK_LIMITS, type Block, type SlackMessage } from '../../src/reply/slack.ts';

const texts = (m: SlackMessage): string[] =>
  m.blocks.flatMap((b: Block) => (b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : b.type === 'header' ? [b.text.text] : []));

function checkLimits(messages: SlackMessage[]): void {
  for (const m of messages) {
    expect(m.blocks.length).toBeGreaterThan(0);
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    let total = 0;
    for (const b of m.blocks) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
      if (b.type === 'section') {
        expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        total += b.text.text.length;
      }
      if (b.type === 'context') for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    }
    expect(total).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
  }
}

const base: Reply = {
  kind: 'answer',
  title: 'Figures: prisoners',
  intro: 'Three figures from two sources.',
  sections: [{ heading: 'Captured soldiers', lines: [{ text: '971 captured, according to the Ukrainian military', cites: [1] }, { text: '909 captured', cites: [2], disputed: true }] }],
  citations: [
    { n: 1, title: 'Kursk update', url: 'https://news.example/a?x=1&y=2', source: 'Example News', published: '2025-05-25' },
    { n: 2, title: 'Earlier count', url: 'https://news.example/b', source: 'Other', published: '2025-02-06' },
  ],
  footer: 'Newest first',
};

describe('renderSlack', () => {
  it('renders a header, body, cited sources and a footer, with a plain fallback', () => {
    const [m, ...rest] = renderSlack(base);
    expect(rest).toHaveLength(0);
    expect(m!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Figures: prisoners' } });
    const all = texts(m!).join('\n');
    expect(all).toContain('• 971 captured, according to the Ukrainian military [1]');
    expect(all).toContain('[2] :warning:');
    expect(all).toContain('[1] <https://news.example/a?x=1&amp;y=2|Kursk update> — Example News, 2025-05-25');
    expect(m!.text).toBe('Figures: prisoners: Three figures from two sources.');
    expect(m!.response_type).toBe('in_channel');
    checkLimits([m!]);
  });

  it('marks ephemeral replies with response_type ephemeral', () => {
    expect(renderSlack({ ...base, ephemeral: true })[0]!.response_type).toBe('ephemeral');
  });

  it('keeps hostile feed text inert in every field, the fallback included', () => {
    const evil = '<!everyone> *bold* <@U123> <https://evil.example|x>';
    const messages = renderSlack({
      ...base,
      title: evil,
      intro: evil,
      sections: [{ heading: evil, lines: [{ text: evil, cites: [1] }] }],
      citations: [{ n: 1, title: evil, url: 'https://ok.example/', source: evil }],
      footer: evil,
    });
    for (const m of messages) {
      const mrkdwn = [m.text, ...m.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : []))];
      for (const t of mrkdwn) {
        expect(t).not.toMatch(/<[!@#]/);
        expect(t).not.toContain('*bold*');
        expect(t).not.toContain('<https://evil');
      }
    }
  });

  it('splits a long reply into several messages, each within every limit and listing its own sources', () => {
    const citations = Array.from({ length: 60 }, (_, i) => ({ n: i + 1, title: `Article ${i + 1} `.repeat(10), url: `https://news.example/${i + 1}` }));
    const lines = Array.from({ length: 400 }, (_, i) => ({ text: `Line ${i} `.repeat(30), cites: [(i % 60) + 1] }));
    const messages = renderSlack({ ...base, sections: [{ heading: 'Many', lines }], citations });
    expect(messages.length).toBeGreaterThan(3);
    checkLimits(messages);
    for (const m of messages) {
      const body = texts(m).join('\n');
      const bullets = body.split('\n').filter((l) => l.startsWith('•')).join('\n');
      const marks = new Set([...bullets.matchAll(/\[(\d+)\]/g)].map((x) => x[1]));
      expect(marks.size).toBeGreaterThan(0);
      for (const n of marks) expect(body).toContain(`[${n}] <https://news.example/${n}|`);
    }
    expect(messages[1]!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Figures: prisoners (cont.)' } });
    expect(messages.at(-1)!.text).toMatch(/\(\d+\/\d+\)$/);
  });

  it('splits one very long line across section blocks without breaking an entity', () => {
    const messages = renderSlack({ ...base, sections: [{ lines: [{ text: '&'.repeat(5000), cites: [1] }] }] });
    checkLimits(messages);
    for (const t of messages.flatMap(texts)) expect(t.replace(/&amp;/g, '')).not.toMatch(/&/);
  });

  it('cuts to maxMessages and says how much was left out', () => {
    const lines = Array.from({ length: 400 }, (_, i) => ({ text: `Line ${i} `.repeat(30) }));
    const messages = renderSlack({ ...base, sections: [{ lines }] }, { maxMessages: 2 });
    expect(messages).toHaveLength(2);
    expect(texts(messages[1]!).join(' ')).toMatch(/Reply cut short: \d+ more lines not shown/);
  });

  it('lists uncited sources (a plain source list) on the last message', () => {
    const messages = renderSlack({ kind: 'info', sections: [], citations: [{ n: 1, title: 'Only', url: 'https://x.example/' }] });
    expect(texts(messages[0]!).join('\n')).toContain('[1] <https://x.example/|Only>');
  });

  it('never sends a message with no blocks', () => {
    const [m] = renderSlack({ kind: 'ok', sections: [], citations: [] });
    expect(m!.blocks.length).toBe(1);
  });
});
