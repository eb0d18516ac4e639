#!/usr/bin/env node
// The bin runs the TypeScript sources directly through tsx, so `npx factfeed` works
// in a fresh checkout right after `npm install`, with no build step to forget.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// Settings can live in ./.env (see .env.example); variables already set in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
