#!/usr/bin/env node
// From npm: the compiled JavaScript in ../dist, run by plain node. In the repository (../src is
// there and the package is not built for publishing), the TypeScript itself through tsx, so an
// edit needs no build.
import {existsSync} from 'node:fs';

const args = process.argv.slice(2);
const fromSource = existsSync(new URL('../src/cli.ts', import.meta.url));
if (fromSource) {
  const {register} = await import('tsx/esm/api');
  register();
}
const dir = fromSource ? '../src' : '../dist';
if (args[0] === 'start' && args.length === 1) {
  // the server with its embedded database (./.data) and, on first start, the demo territory
  await import(`${dir}/main.${fromSource ? 'ts' : 'js'}`);
} else {
  const {runCli} = await import(`${dir}/cli.${fromSource ? 'ts' : 'js'}`);
  process.exitCode = await runCli(args);
}
