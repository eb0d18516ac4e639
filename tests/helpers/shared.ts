import { existsSync, readdirSync } from 'node:fs';
import { readCorpusFile } from '../../scripts/eval-real.ts';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared` beside the checkout: the seed articles and the BBC corpus, read at test time, never copied. */
export const SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');
export const BBC_DIR = join(SHARED_DIR, 'corpora', 'bbc');
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');

/**
 * Whether `../shared/<part>` is there. When it is not (a clone elsewhere), say so once, so a skipped
 * suite is visible in the test output rather than silently green.
 */
export function haveShared(part: string): boolean {
  const path = join(SHARED_DIR, part);
  if (existsSync(path)) return true;
  console.warn(`[skip] ${path} is absent: tests that read it are skipped (CI always has it)`);
  return false;
}

export interface CorpusArticle {
  /** "business/001.txt" */
  file: string;
  section: string;
  title: string;
  /** Body paragraphs separated by blank lines, as the extractor takes it. */
  text: string;
}

/** One BBC corpus file: the first line is the headline, the rest the body (decoded as the eval decodes it). */
export function readBbc(file: string): CorpusArticle {
  return { file, section: file.split('/')[0]!, ...readCorpusFile(file, BBC_DIR) };
}

/** Every article of the BBC corpus, section by section. */
export function* bbcArticles(): Generator<CorpusArticle> {
  for (const section of readdirSync(BBC_DIR).filter((d) => !d.includes('.')).sort()) {
    for (const name of readdirSync(join(BBC_DIR, section)).sort()) yield readBbc(`${section}/${name}`);
  }
}
