import { stripControls } from '../controls.ts';
import type { Reply } from './model.ts';

/**
 * Terminal-safe text: feed content is untrusted, and ANSI/C1 control sequences in it could
 * rewrite the operator's terminal, so every control character except newline and tab goes.
 */
export function sanitizeText(s: string): string {
  return stripControls(s);
}

/** Renders a Reply as plain text for the console and the CLI. */
export function renderText(reply: Reply): string {
  const out: string[] = [];
  const t = sanitizeText;
  if (reply.title) out.push(reply.kind === 'error' ? `✖ ${t(reply.title)}` : t(reply.title), '');
  if (reply.intro) out.push(t(reply.intro), '');
  for (const section of reply.sections) {
    if (section.heading) out.push(`## ${t(section.heading)}`);
    for (const line of section.lines) {
      const cites = line.cites && line.cites.length > 0 ? ' ' + line.cites.map((n) => `[${n}]`).join('') : '';
      const disputed = line.disputed ? ' (disputed)' : '';
      out.push(`- ${t(line.text)}${cites}${disputed}`);
    }
    out.push('');
  }
  if (reply.citations.length > 0) {
    out.push('Sources:');
    for (const c of reply.citations) {
      const meta = [c.source, c.published].filter(Boolean).map((s) => t(String(s))).join(', ');
      out.push(`[${c.n}] ${t(c.title)}${meta ? ` — ${meta}` : ''}${c.url ? ` <${t(c.url)}>` : ''}`);
    }
    out.push('');
  }
  for (const a of reply.attachments ?? []) out.push(`(attachment: ${t(a.name)}, ${a.data.byteLength} bytes)`);
  if (reply.footer) out.push(t(reply.footer));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
