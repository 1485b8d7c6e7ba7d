#!/usr/bin/env node
// The CLI is TypeScript run from source, like the server: tsx compiles it on the fly.
import {register} from 'tsx/esm/api';

register();
const {runCli} = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
