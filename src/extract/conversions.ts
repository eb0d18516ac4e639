/**
 * Restatements in another unit: "$1.13bn (£600m)", "12m (39ft)", "253m euros (£175m; $328m)" and a
 * range restated at both ends. The bracketed figure is marked as a conversion of the one it restates
 * and says what that one says, so a series never takes it for a separate point.
 */
import type { FigureFact } from './types.ts';
import type { Placed } from './spans.ts';

// "$1.13bn (£600m)", "12m (39ft)": a bracketed figure right after another, in a different unit.
export function markConversions(s: string, placed: Placed[], gone: Set<Placed>): void {
  for (let i = 1; i < placed.length; i++) {
    const a = placed[i - 1]!;
    const b = placed[i]!;
    if (gone.has(a)) continue;
    const between = s.slice(a.end, b.start);
    // "253m euros (£175m; $328m)": a second restatement in the same brackets restates the first figure too.
    const second = a.fact.conversion && /^\s*[;,]\s*(?:about|around|roughly|approximately|some)?\s*$/.test(between) && /^[^()]{0,12}\)/.test(s.slice(b.end));
    if (second) {
      b.fact.conversion = true;
      copyFacts(a.fact, b.fact);
      continue;
    }
    // "between $20,000 (£11,000) and $40,000 (£22,000)": the bracketed range sits inside the range it restates.
    const inside = b.start > a.start && b.end <= a.end && a.fact.valueHigh !== undefined && b.fact.valueHigh !== undefined;
    if (inside && (a.fact.unit ?? null) !== (b.fact.unit ?? null)) {
      b.fact.conversion = true;
      copyFacts(a.fact, b.fact);
      continue;
    }
    if (!/^\s*\(\s*(?:about|around|roughly|approximately|some|or|c\.|~)?\s*$/.test(between)) continue;
    if (!/^\s*\)/.test(s.slice(b.end)) && !/^[^()]{0,20}\)/.test(s.slice(b.end))) continue;
    if ((a.fact.unit ?? null) === (b.fact.unit ?? null)) continue;
    b.fact.conversion = true;
    copyFacts(a.fact, b.fact);
  }
}

/**
 * "a 6% rise to 12bn euros ($15bn)": a level learns what it counts only when its move is folded
 * into it, after its restatements were marked, so they learn it then too.
 */
export function restateFolded(kept: Placed[]): void {
  let main: FigureFact | undefined;
  for (const p of kept) {
    if (!p.fact.conversion) main = p.fact;
    else if (main && !p.fact.counted && main.counted) {
      p.fact.counted = main.counted;
      if (main.countedKey !== undefined) p.fact.countedKey = main.countedKey;
    }
  }
}

// A restatement says what the figure it restates says.
function copyFacts(from: FigureFact, to: FigureFact): void {
  for (const k of ['counted', 'countedKey', 'event', 'date', 'periodStart', 'periodEnd', 'attribution'] as const) {
    if (from[k] !== undefined) (to as unknown as Record<string, unknown>)[k] = from[k];
    else delete (to as unknown as Record<string, unknown>)[k];
  }
}
