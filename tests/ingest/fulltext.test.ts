import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMainText } from '../../src/ingest/fulltext.ts';

const PAGES = join(import.meta.dirname, '../fixtures/pages');
const page = (name: string): Promise<string> => readFile(join(PAGES, name), 'utf8');

describe('extractMainText', () => {
  it('keeps the article paragraphs of the Kursk page, separated by blank lines', async () => {
    const result = extractMainText(await page('kursk-captives.html'), 'https://teaser.example.org/articles/kursk-captives.html');
    expect(result).not.toBeNull();
    expect(result!.title).toBe('Kyiv says Kursk operation has netted 971 Russian captives');
    const paragraphs = result!.text.split('\n\n');
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0]).toMatch(/^Ukrainian troops took 971 Russian soldiers prisoner/);
    expect(result!.text).toContain('303 prisoners of war');
    expect(result!.text).toContain('"Each name on that list is a family that can stop waiting," said Andriy Koval');
  });

  it.each([
    ['kursk-captives.html', ['187 partners', '24 settings', 'Live: 3 updates', 'FTSE 100', '3,400 shares', '12 comments', 'Sudzha after 7 months', 'Top 10', '48 people', 'Derby', '250,000 readers', '01234567', '5 min read']],
    ['istanbul-talks.html', ['Video (9 new)', '1 March 2025', '21°C', '4 min read', '27 comments', '1,250 shares', 'Top 5 budget phones', '3.1%', 'Most read']],
  ])('leaves the chrome numbers of %s out', async (name, chrome) => {
    const result = extractMainText(await page(name), `https://teaser.example.org/articles/${name}`);
    expect(result).not.toBeNull();
    for (const bit of chrome) expect(result!.text).not.toContain(bit);
  });

  it('keeps the article when a chrome class sits on a wrapper around it', () => {
    const body = '<p>' + 'The delegations met for less than two hours and agreed on a prisoner exchange. '.repeat(6) + '</p>';
    const html = `<html><head><title>Talks</title></head><body><div class="page has-comments"><article>${body}<p>Second paragraph with 1,000 prisoners each.</p></article><div class="comments">99 comments</div></div></body></html>`;
    const result = extractMainText(html, 'https://x.example/a');
    expect(result?.text).toContain('1,000 prisoners each');
    expect(result?.text).not.toContain('99 comments');
  });

  it('cuts related boxes and sign-up blurbs that sit inside the article, which Readability keeps', () => {
    const para = (t: string): string => `<p>${t}</p>`;
    const html = `<html><head><title>Shelters</title></head><body><article>
      ${para('Regional authorities said on Tuesday that about 2,000 people were staying in temporary shelters after leaving border villages.')}
      <div class="related-coverage">${para('Earlier coverage: last spring 7,400 residents were moved out of the same district over several weeks.')}</div>
      ${para('Officials said the shelters had enough beds for the coming month and that more buses would run from the district capital.')}
      <div class="newsletter-signup">${para('Join 250,000 readers who get our morning briefing in their inbox every single day of the week.')}</div>
      ${para('Volunteers have been collecting warm clothes and medicine at three points in the city since the weekend began.')}
    </article></body></html>`;
    const text = extractMainText(html, 'https://x.example/shelters')?.text ?? '';
    expect(text).toContain('about 2,000 people');
    expect(text).toContain('three points in the city');
    expect(text).not.toContain('7,400');
    expect(text).not.toContain('250,000');
  });

  it('returns null for a page with no article', () => {
    const html = '<html><head><title>Index</title></head><body><nav><a href="/">Home</a><a href="/world">World</a></nav><p>Welcome.</p><footer>© 2025</footer></body></html>';
    expect(extractMainText(html, 'https://x.example/')).toBeNull();
    expect(extractMainText('', 'https://x.example/')).toBeNull();
  });
});
