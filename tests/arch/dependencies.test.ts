import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function walk(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(root, rel)).isDirectory() ? walk(rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

const files = [...walk('src'), ...walk('commands')];

/** Static imports (type-only ones too: a type import from a platform is still a wrong-way dependency). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return specs;
}

const resolveLocal = (from: string, spec: string): string | undefined => (spec.startsWith('.') ? relative(root, resolve(root, dirname(from), spec)) : undefined);

const CORE = ['src/store/', 'src/ingest/', 'src/extract/', 'src/query/', 'src/deliver/', 'src/reply/', 'src/config.ts', 'src/clock.ts', 'src/log.ts', 'src/services.ts'];
const isCore = (f: string): boolean => CORE.some((c) => f.startsWith(c));

describe('architecture', () => {
  it('keeps the core free of platforms, commands and chat libraries', () => {
    const offenders: string[] = [];
    for (const f of files.filter(isCore)) {
      for (const spec of importsOf(f)) {
        const target = resolveLocal(f, spec);
        if (target?.startsWith('src/platforms/') || target?.startsWith('commands/') || /^(discord\.js|@discordjs\/|@slack\/)/.test(spec)) offenders.push(`${f} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps commands free of platforms', () => {
    const offenders = files
      .filter((f) => f.startsWith('commands/'))
      .flatMap((f) => importsOf(f).filter((s) => resolveLocal(f, s)?.startsWith('src/platforms/') || /^(discord\.js|@slack\/)/.test(s)).map((s) => `${f} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('keeps the PostgreSQL driver inside src/store/postgres', () => {
    const offenders = files.filter((f) => !f.startsWith('src/store/postgres/') && importsOf(f).includes('pg')).map((f) => `${f} → pg`);
    expect(offenders).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f).map((s) => resolveLocal(f, s)).filter((t): t is string => !!t && files.includes(t))]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'visiting');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('keeps source files small: none over 400 lines and most under 300', () => {
    const sizes = files.map((f) => ({ f, lines: readFileSync(join(root, f), 'utf8').split('\n').length }));
    expect(sizes.filter((s) => s.lines > 400)).toEqual([]);
    expect(sizes.filter((s) => s.lines <= 300).length / sizes.length).toBeGreaterThanOrEqual(0.9);
  });
});
