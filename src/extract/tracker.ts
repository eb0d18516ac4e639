/**
 * Resolves pronoun sources across an article: "it added" → the last named source, "he said" →
 * the last named person, a bare surname ("Hryhorov told …") → the full name seen earlier.
 */
import { DEMONYMS, GAZETTEER } from './lexicon.ts';
import { ORG_WORDS } from './attribution.ts';
import { matchesOf } from './scan.ts';

const PERSON_TITLES =
  /\b(?:President|Prime Minister|Minister|Foreign Minister|Defence Minister|Defense Minister|Gen\.|General|Col\.|Colonel|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Chancellor|Senator|Sen\.|Governor|Gov\.|Mayor|Pope|King|Queen|Secretary|Commander|spokesman|spokeswoman|spokesperson|governor|mayor|minister|commander|negotiator|commissioner|chief)\s+((?:\p{Lu}[\p{Ll}'’-]+\s?){2,3})/gu;
const TITLE_HINT = /(?:President|Minister|Gen|General|Col|Colonel|Mr|Mrs|Ms|Dr|Chancellor|Senator|Sen|Governor|Gov|Mayor|Pope|King|Queen|Secretary|Commander|spokes|governor|mayor|minister|commander|negotiator|commissioner|chief) [A-Z]/;
/** Sources that stand in for the last named one ("the statement said"). */
const STAND_INS = new Set(['it', 'they', 'we', 'statement', 'the statement', 'the report', 'report', 'the ministry', 'the agency']);

export class SourceTracker {
  private lastSource: string | undefined;
  private lastPerson: string | undefined;
  private readonly persons: string[] = [];
  /** Surname → the first person seen with it; looked up for every sentence, so kept rather than re-split. */
  private readonly bySurname = new Map<string, string>();

  /** Notes people named with a title ("President Volodymyr Zelensky") and later surname-only mentions. */
  observe(sentence: string): void {
    if (TITLE_HINT.test(sentence)) for (const m of matchesOf(PERSON_TITLES, sentence)) this.addPerson(m[1]!.trim().replace(/['’]s$/, ''));
    if (!this.persons.length) return;
    const first = /^(\p{Lu}[\p{L}'’-]+)\b/u.exec(sentence)?.[1];
    const known = first ? this.bySurname.get(first) : undefined;
    if (known) this.lastPerson = known;
  }

  /** The name a source stands for; records named sources as the latest. A leading "the" is dropped. */
  resolve(name: string): string | undefined {
    const who = name.replace(/^the\s+/i, '');
    const lower = name.toLowerCase();
    if (lower === 'he' || lower === 'she' || lower === 'i') return this.lastPerson ?? this.lastSource;
    if (STAND_INS.has(lower)) return this.lastSource ?? this.lastPerson;
    const full = this.fullName(who);
    this.lastSource = full;
    if (this.isPerson(full)) {
      this.addPerson(full);
      this.lastPerson = full;
    }
    return full;
  }

  private addPerson(name: string): void {
    if (!this.persons.includes(name)) {
      this.persons.push(name);
      const surname = name.split(' ').pop()!;
      if (!this.bySurname.has(surname)) this.bySurname.set(surname, name);
    }
    this.lastPerson = name;
  }

  private isPerson(who: string): boolean {
    const words = who.split(' ');
    if (words.length < 2 || words.length > 3) return this.persons.includes(who);
    return words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !ORG_WORDS.has(w.toLowerCase()) && !GAZETTEER.has(w.toLowerCase()) && !DEMONYMS[w.toLowerCase()]);
  }

  private fullName(who: string): string {
    if (who.includes(' ')) return who;
    return this.bySurname.get(who) ?? who;
  }
}
