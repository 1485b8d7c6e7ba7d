import {esbuildPlugin} from '@web/dev-server-esbuild';
import {fromRollup} from '@web/dev-server-rollup';
import rollupLitCss from 'rollup-plugin-lit-css';
import {chromeLauncher} from '@web/test-runner-chrome';
import {readdirSync} from 'node:fs';
import {chromiumArgs, chromiumPath} from './chromium.mjs';

// Leaflet's stylesheet becomes a module exporting a Lit CSSResult, as in the build (rollup.config.mjs)
const litCss = fromRollup(rollupLitCss);

const testDir = 'tests/widgets';
const files = `${testDir}/**/*.test.ts`;
// one group per file, so `wtr --config web-test-runner.config.mjs --group territory-contact` runs one
const groups = readdirSync(testDir, {recursive: true})
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => ({name: name.replace(/\.test\.ts$/, ''), files: `${testDir}/${name}`}));

export default {
  // the root `files` would run every file a second time as wtr's "default" group, next to the
  // per-file groups; `--group default` still runs them all through this pattern
  files: process.argv.includes('default') ? files : undefined,
  groups,
  // '@cpts-kit/source': our packages' exports point at their TypeScript (see tsconfig.base.json), not at a build
  nodeResolve: {exportConditions: ['@cpts-kit/source', 'browser', 'development']},
  // the plugin reads the file as is (no `extends`), so point it at the file holding
  // experimentalDecorators and useDefineForClassFields: false, which Lit's decorators need
  plugins: [esbuildPlugin({ts: true, tsconfig: './tsconfig.base.json', target: 'es2022'}), litCss({include: ['**/leaflet/dist/leaflet.css']})],
  mimeTypes: {'**/leaflet/dist/leaflet.css': 'js'},
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  // one page at a time: a page in the background gets no animation frame and no resize
  // observation, which the maps wait for before they start
  concurrency: 1,
  concurrentBrowsers: 1,
  // generous: on 2 shared cores a fixture can wait seconds for the CPU; no test measures time
  testFramework: {config: {timeout: 20000}},
  // print the browser's errors only: Lit's dev-mode notices would drown real failures
  filterBrowserLogs: ({type}) => type === 'error',
};
