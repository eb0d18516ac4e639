/**
 * The one platform-neutral reply every command returns. Renderers (text, Discord, Slack)
 * turn it into platform output; all strings here are plain text — possibly from untrusted
 * feeds — and each renderer escapes them for its own markup.
 */
export interface Citation {
  /** 1-based number shown as [n] next to cited lines. */
  n: number;
  title: string;
  url?: string | undefined;
  source?: string | undefined;
  /** ISO date (YYYY-MM-DD) the article was published. */
  published?: string | undefined;
}

export interface ReplyLine {
  text: string;
  /** Citation numbers (Citation.n) backing this line. */
  cites?: number[] | undefined;
  /** Another source contradicts this line. */
  disputed?: boolean | undefined;
}

export interface ReplySection {
  heading?: string | undefined;
  lines: ReplyLine[];
}

export interface ReplyAttachment {
  name: string;
  contentType: string;
  data: Uint8Array;
  description?: string | undefined;
}

export type ReplyKind = 'answer' | 'info' | 'ok' | 'error';

export interface Reply {
  kind: ReplyKind;
  title?: string | undefined;
  /** One or two sentences shown before the sections. */
  intro?: string | undefined;
  sections: ReplySection[];
  citations: Citation[];
  footer?: string | undefined;
  /** Shown only to the person who asked, where the platform can. */
  ephemeral?: boolean | undefined;
  attachments?: ReplyAttachment[] | undefined;
  /** Structured payload for machine consumers (`factfeed ask --json`). */
  data?: unknown;
}

export function errorReply(message: string, detail?: string): Reply {
  return {
    kind: 'error',
    title: 'Error',
    intro: message,
    sections: detail ? [{ lines: [{ text: detail }] }] : [],
    citations: [],
    ephemeral: true,
  };
}

export function okReply(message: string, lines: string[] = []): Reply {
  return {
    kind: 'ok',
    intro: message,
    sections: lines.length > 0 ? [{ lines: lines.map((text) => ({ text })) }] : [],
    citations: [],
    ephemeral: true,
  };
}
