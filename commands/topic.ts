import type { CommandDefinition, CommandOption } from './types.ts';
import { suggestTopics } from '../src/query/topics.ts';

/** The one required `topic` option the question commands share, with the same limits everywhere. */
export const topicOption = (description: string): CommandOption => ({
  name: 'topic',
  description,
  type: 'string',
  required: true,
  autocomplete: true,
  minLength: 2,
  maxLength: 100,
});

/** Suggests the tenant's known topics as the user types. */
export const suggestTopic: NonNullable<CommandDefinition['autocomplete']> = (ctx, req) => suggestTopics(ctx.services.store, ctx.invocation.tenant, req.value);
