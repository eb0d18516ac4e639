/**
 * Resolves pronoun sources across an article: "it added" → the last named source, "he said" →
 * the last named person, a bare surname ("Hryhorov told …") → the full name seen earlier.
 */
import { DEMONYMS, GAZETTEER } from './lexicon.ts';
import { ORG_WORDS } from './source-names.ts';
import { matchesOf } from './scan.ts';

const PERSON_TITLES =
  /\b(?:President|Prime Minister|Minister|Foreign Minister|Defence Minister|Defense Minister|Gen\.|General|Col\.|Colonel|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Chancellor|Senator|Sen\.|Governor|Gov\.|Mayor|Pope|King|Queen|Secretary|Commander|spokesman|spokeswoman|spokesperson|governor|mayor|minister|commander|negotiator|commissioner|chief)\s+((?:\p{Lu}[\p{Ll}'’-]+\s?){2,3})/gu;
const TITLE_HINT = /(?:President|Minister|Gen|General|Col|Colonel|Mr|Mrs|Ms|Dr|Chancellor|Senator|Sen|Governor|Gov|Mayor|Pope|King|Queen|Secretary|Commander|spokes|governor|mayor|minister|commander|negotiator|commissioner|chief) [A-Z]/;
// "the Office of Fair Rents (OFR)": a capitalised name, lower-case joiners allowed, then its initials in brackets.
const DEFINED_ABBREVIATION = /((?:\p{Lu}[\p{L}'’&-]*\s+(?:(?:of|for|and|the|on|de)\s+)*){2,8})\((\p{Lu}{2,6})\)/gu;
const ROLE_LIKE = /^(?:The|A|An|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Lord|Lady|President|Minister|Chancellor|Leader|Chief|Secretary|Senator|Governor|Mayor|General|Judge|Justice|Coach|Manager|Captain|But|And|When|While|After|Before|If|As|In|On|At|For|With|By)$/;
const TITLED_SURNAME = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir)\.?\s+(\p{Lu}[\p{L}'’-]+)$/u;
const DESCRIBED_PERSON = /^(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{Ll}'’-]+),\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?\p{Ll}[^,]{2,80},\s+(?:said|says|told|added|argued|warned|explained|insisted|claimed)\b/u;
/** Sources that stand in for the last named one ("the statement said"). */
const STAND_INS = new Set(['it', 'they', 'we', 'statement', 'the statement', 'the ministry', 'the agency']);

const initials = (word: string): string =>
  word
    .split('-')
    .filter((part) => /^\p{Lu}/u.test(part))
    .map((part) => part[0])
    .join('');

export class SourceTracker {
  private lastSource: string | undefined;
  private lastPerson: string | undefined;
  private readonly persons: string[] = [];
  /** Surname → the first person seen with it; looked up for every sentence, so kept rather than re-split. */
  private readonly bySurname = new Map<string, string>();
  private readonly abbreviations = new Map<string, string>();
  /** Sentences seen so far, searched only when a "Mr Surname" needs the full name used earlier. */
  private readonly seen: string[] = [];

  /** Notes people named with a title ("President Volodymyr Zelensky") and later surname-only mentions. */
  observe(sentence: string): void {
    this.seen.push(sentence);
    if (sentence.includes('(')) this.noteAbbreviations(sentence);
    if (TITLE_HINT.test(sentence)) for (const m of matchesOf(PERSON_TITLES, sentence)) this.addPerson(m[1]!.trim().replace(/['’]s$/, ''));
    // "Tom Lee, regional director of the Ramblers, said he …": a name set before its role is a person.
    const described = DESCRIBED_PERSON.exec(sentence);
    if (described && this.isPerson(described[1]!) && !ROLE_LIKE.test(described[1]!.split(' ')[0]!)) this.addPerson(described[1]!);
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
    // "a report says" before anyone is named: the report itself is the source.
    if (STAND_INS.has(lower)) return this.lastSource ?? this.lastPerson ?? (/^(?:it|they|we)$/.test(lower) ? undefined : who);
    const full = this.fullName(who);
    this.lastSource = full;
    if (this.isPerson(full)) {
      this.addPerson(full);
      this.lastPerson = full;
    }
    return full;
  }

  private noteAbbreviations(sentence: string): void {
    for (const m of matchesOf(DEFINED_ABBREVIATION, sentence)) {
      const words = m[1]!.trim().split(/\s+/);
      const capitals = words.filter((w) => /^\p{Lu}/u.test(w));
      // Keep the shortest tail of the name whose initials spell the abbreviation ("… with the Office of Fair Rents").
      // Each capitalised part of a hyphenated word has its initial: "Inter-American Development Bank" is IADB.
      for (let i = 0; i < capitals.length; i++) {
        if (capitals.slice(i).map(initials).join('') !== m[2]) continue;
        const from = words.indexOf(capitals[i]!);
        if (!this.abbreviations.has(m[2]!)) this.abbreviations.set(m[2]!, words.slice(from).join(' '));
        break;
      }
    }
  }

  /** "Mr Pryce" → "Gareth Pryce" when the article named him in full before. */
  private titledFullName(who: string): string | undefined {
    const surname = TITLED_SURNAME.exec(who)?.[1];
    if (!surname) return undefined;
    const known = this.bySurname.get(surname);
    if (known && known.includes(' ')) return known;
    const full = new RegExp(`(?:^|[^\\p{L}])(\\p{Lu}[\\p{Ll}'’-]+(?: \\p{Lu}\\.)? ${surname})\\b`, 'u');
    for (const s of this.seen) {
      if (!s.includes(surname)) continue;
      const m = full.exec(s);
      const first = m ? m[1]!.split(' ')[0]! : '';
      if (m && first && !ROLE_LIKE.test(first) && !ORG_WORDS.has(first.toLowerCase()) && !GAZETTEER.has(first.toLowerCase()) && !DEMONYMS[first.toLowerCase()]) return m[1]!;
    }
    return undefined;
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
    const expanded = this.abbreviations.get(who);
    if (expanded) return expanded;
    const titled = this.titledFullName(who);
    if (titled) return titled;
    if (who.includes(' ')) return who;
    return this.bySurname.get(who) ?? who;
  }
}
