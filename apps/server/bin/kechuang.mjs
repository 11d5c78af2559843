#!/usr/bin/env node
// `npx kechuang …`: the command line, run from TypeScript source through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
