#!/usr/bin/env node
// The bin runs the TypeScript sources directly through tsx, so `npx factfeed` works
// in a fresh checkout right after `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
