/**
 * Control and bidi characters in feed content: terminal escape sequences (removed whole), C0 controls
 * but tab and newline, DEL, C1 controls, and the bidi embedding, override and isolate characters that
 * let text spoof its own order. Feed text is cleaned once at ingest; every output path to a terminal
 * or a chat is cleaned again, so a database written before the cleaning cannot leak them either.
 */
// eslint-disable-next-line no-control-regex
const ANY = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const SEQUENCES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[ -/]*[0-~])|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u000b-\u000d]/g;
// eslint-disable-next-line no-control-regex
const SINGLES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text without control, escape and bidi-override characters; tab and newline stay. */
export function stripControls(s: string): string {
  if (!ANY.test(s)) return s; // the common case costs one scan and no copy
  // Vertical tab, form feed and carriage return separate words: they become a space, not nothing.
  return s.replace(SEQUENCES, '').replace(BREAKS, ' ').replace(SINGLES, '');
}

/** A stdout-like stream whose every string write is stripped of control characters first. */
export function terminalSafe<T extends { write(chunk: string | Uint8Array, ...rest: never[]): boolean }>(stream: T): T {
  return new Proxy(stream, {
    get(target, prop, receiver) {
      if (prop === 'write') return (chunk: string | Uint8Array, ...rest: never[]) => target.write(typeof chunk === 'string' ? stripControls(chunk) : chunk, ...rest);
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
