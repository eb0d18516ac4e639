import { renderDiscord } from '../../reply/discord.ts';
import type { DiscordMessage } from '../../reply/discord.ts';
import { errorReply } from '../../reply/model.ts';
import type { Reply } from '../../reply/model.ts';

/** The ways to answer one interaction; the gateway and HTTP modes each implement them. */
export interface Responder {
  reply(message: DiscordMessage): Promise<void>;
  defer(ephemeral: boolean): Promise<void>;
  editOriginal(message: DiscordMessage): Promise<void>;
  deleteOriginal(): Promise<void>;
  followUp(message: DiscordMessage): Promise<void>;
}

export interface RespondOptions {
  /** Discord drops an interaction not answered within 3 s; defer well before that. */
  deferAfterMs: number;
  /** Whether to defer privately; a guess, since the reply's own flag is not known yet. */
  deferEphemeral: boolean;
}

export const DEFAULT_DEFER_AFTER_MS = 1500;

/**
 * Answers at once when the command is fast; otherwise defers, then fills in the deferred
 * message. Pages after the first go out as follow-ups with the same visibility.
 */
export async function respondInTime(work: Promise<Reply>, responder: Responder, options: RespondOptions): Promise<void> {
  const safeWork = work.catch((err: unknown) => errorReply('The command failed unexpectedly.', err instanceof Error ? err.message : String(err)));
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), options.deferAfterMs)));
  const first = await Promise.race([safeWork, slow]);
  clearTimeout(timer);

  if (first !== 'slow') {
    const [page, ...rest] = renderDiscord(first);
    await responder.reply(page!);
    for (const p of rest) await responder.followUp(p);
    return;
  }

  await responder.defer(options.deferEphemeral);
  const reply = await safeWork;
  const pages = renderDiscord(reply);
  if (Boolean(reply.ephemeral) === options.deferEphemeral) {
    const [page, ...rest] = pages;
    await responder.editOriginal(page!);
    for (const p of rest) await responder.followUp(p);
    return;
  }
  // The deferred message's visibility cannot be changed, so replace it with follow-ups that have the right one.
  await responder.deleteOriginal();
  for (const p of pages) await responder.followUp(p);
}

/** Autocomplete cannot be deferred: a suggester that misses the window answers with no suggestions. */
export async function autocompleteDeadline<T>(work: Promise<T[]>, ms = 2000): Promise<T[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T[]>((resolve) => (timer = setTimeout(() => resolve([]), ms)));
  try {
    return await Promise.race([work.catch(() => []), late]);
  } finally {
    clearTimeout(timer);
  }
}
