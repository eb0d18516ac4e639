import { describe, expect, it } from 'vitest';
import { renderText, sanitizeText } from '../../src/reply/text.ts';
import { niceStep, timelinePng, timelineSvg } from '../../src/reply/chart.ts';

describe('text renderer', () => {
  it('prints title, sections with citations, disputed marks and the source list', () => {
    const out = renderText({
      kind: 'answer',
      title: 'Figures: prisoners',
      intro: '2 figures.',
      sections: [{ heading: 'Russian soldiers — captured', lines: [{ text: '971 captured', cites: [1] }, { text: '909 captured', cites: [2], disputed: true }] }],
      citations: [
        { n: 1, title: 'A', url: 'https://a.example/1', published: '2025-05-25', source: 'Wire' },
        { n: 2, title: 'B', url: 'https://b.example/2' },
      ],
    });
    expect(out).toBe(
      [
        'Figures: prisoners',
        '',
        '2 figures.',
        '',
        '## Russian soldiers — captured',
        '- 971 captured [1]',
        '- 909 captured [2] (disputed)',
        '',
        'Sources:',
        '[1] A — Wire, 2025-05-25 <https://a.example/1>',
        '[2] B <https://b.example/2>',
      ].join('\n'),
    );
  });

  it('strips terminal control sequences that a feed could use to rewrite the screen', () => {
    // Sequences go whole: no "[2J" or "]0;pwned" residue is left behind.
    expect(sanitizeText('ok\u001b[2J\u001b]0;pwned\u0007 done\u202e')).toBe('ok done');
    expect(renderText({ kind: 'info', title: 'x\u001b[31m', sections: [], citations: [] })).toBe('x');
  });
});

describe('timeline chart', () => {
  const series = { title: 'Russian soldiers <captured> & held', points: [{ date: '2024-12-12', value: 700, label: '700+' }, { date: '2025-02-06', value: 909, label: '909' }, { date: '2025-05-25', value: 971, label: '971' }] };

  it('escapes feed text inside the SVG', () => {
    const svg = timelineSvg(series);
    expect(svg).toContain('Russian soldiers &#60;captured&#62; &#38; held');
    expect(svg).not.toContain('<captured>');
    expect(svg.match(/<circle /g)).toHaveLength(3);
  });

  it('renders a PNG', () => {
    const png = timelinePng(series);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.byteLength).toBeGreaterThan(2000);
  });
});

describe('chart axis', () => {
  it('uses round steps', () => {
    expect(niceStep(242.75)).toBe(250);
    expect(niceStep(279.2)).toBe(500);
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1800)).toBe(2000);
    expect(niceStep(45)).toBe(50);
  });
});
