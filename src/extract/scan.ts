/**
 * Regex helpers for the hot paths. `String.prototype.matchAll` clones its RegExp on every call,
 * which in Node 20 makes a scan about four times slower than an exec loop over the same pattern.
 */

/** Every match of a global regex in `s`, in order: the same results as `[...s.matchAll(re)]`. */
export function matchesOf(re: RegExp, s: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global regex, got /${re.source}/${re.flags}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    if (m[0] === '') re.lastIndex = advance(s, re.lastIndex, re.unicode);
  }
  return out;
}

// Steps past an empty match as matchAll does: one code unit, or a whole surrogate pair in unicode mode.
function advance(s: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= s.length) return i + 1;
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
}
