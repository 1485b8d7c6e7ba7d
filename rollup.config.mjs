// Builds, offline, with `npm run build` (= rollup -c rollup.config.mjs):
//   dist/cpts-kit.js + dist/chunks/*.js   the script-tag bundle: the loader, one lazy chunk per widget
//   packages/{contract,sdk,widgets}/dist  the npm builds (ES modules, dependencies left external)
//                                          and their .d.ts, emitted by the TypeScript API
import {cpSync, existsSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {promisify} from 'node:util';
import {brotliCompress, constants as zlib, gzip} from 'node:zlib';
import {dirname, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import {transformSync} from 'esbuild';
import del from 'rollup-plugin-delete';
import esbuild from 'rollup-plugin-esbuild';
import litCss from 'rollup-plugin-lit-css';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import ts from 'typescript';

const root = dirname(fileURLToPath(import.meta.url));
const pkg = (name, file) => resolve(root, 'packages', name, file);

// imports between our TS files say `./x.js` (as Node and tsc want); point them at `./x.ts`
// (this bypasses node-resolve, and with it the packages' `sideEffects`: see `ourSideEffects`)
const tsFromJs = {
  name: 'cpts-ts-from-js',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
    const candidate = resolve(dirname(importer), source.slice(0, -3) + '.ts');
    return existsSync(candidate) ? {id: candidate, moduleSideEffects: ourSideEffects(candidate)} : null;
  },
};

/**
 * What our packages' `sideEffects` fields say: the contract and the SDK have none, the widgets
 * only in their `define.ts` files and the loader. Without it, importing one schema from
 * `intake.ts` ran (and shipped) every module that `intake.ts` imports, with all their schemas.
 */
function ourSideEffects(id) {
  if (/[\\/]packages[\\/](contract|sdk)[\\/]src[\\/]/.test(id)) return false;
  if (/[\\/]packages[\\/]widgets[\\/]src[\\/]/.test(id)) return /[\\/](define|loader)\.ts$/.test(id);
  return null;
}

const typescript = (options = {}) =>
  // tsconfig.base.json holds experimentalDecorators + useDefineForClassFields: false, which Lit's
  // decorators need to compile to property accessors
  esbuild({target: 'es2022', tsconfig: resolve(root, 'tsconfig.base.json'), legalComments: 'none', ...options});

// The browser must get zod/mini and nothing else of zod, and never the OpenAPI builder (it drags
// zod's JSON Schema generator in): fail the build rather than ship it.
const forbiddenInBrowser = [
  {pattern: /[\\/]zod[\\/](v3|v4[\\/]classic|v4[\\/]core[\\/]to-json-schema|v4[\\/]core[\\/]json-schema)/, why: 'only zod/mini belongs in the browser'},
  {pattern: /packages[\\/]contract[\\/]src[\\/]openapi(\.ts$|[\\/])/, why: 'the OpenAPI document and its metadata are server-side only'},
];
const browserGuard = {
  name: 'cpts-browser-guard',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      for (const [id, module] of Object.entries(chunk.modules)) {
        // zod/mini's index imports these too; what counts is whether any of their code survived
        if (module.renderedLength === 0) continue;
        const hit = forbiddenInBrowser.find(({pattern}) => pattern.test(id));
        if (hit) this.error(`${relative(root, id)} ended up in ${chunk.fileName}: ${hit.why}`);
      }
    }
  },
};

/** Shared code gets stable names, so a new widget does not rename (and re-download) the others. */
function manualChunks(id) {
  // the map's heavy parts: only pages that show a map download them (bench/sizes.ts counts them by name)
  if (/[\\/]node_modules[\\/]leaflet[\\/]/.test(id)) return 'leaflet';
  if (/[\\/]node_modules[\\/](supercluster|kdbush)[\\/]/.test(id)) return 'supercluster';
  // Lit's core only: a directive, @query or the context provider goes with the widgets that use it,
  // so the intake page does not download the provider's half of @lit/context or the map's directives
  if (/[\\/]node_modules[\\/]@lit[\\/]reactive-element[\\/]decorators[\\/]query/.test(id)) return 'lit-query';
  if (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id) && !/[\\/]directives[\\/]/.test(id)) return 'lit';
  // zod and ky serve every widget; the contract's schemas and the SDK's operations are left to rollup,
  // so each page's chunks carry only the schemas its widgets check
  if (/[\\/]node_modules[\\/](zod|ky)[\\/]/.test(id)) return 'sdk';
  // the small pieces every widget's first render needs go with Lit: one request, not ten (the
  // intake page's first bytes, DESIGN §7). A module listed here takes along whatever it imports
  // that no rule names, so each is a leaf or imports only what is listed; the provider's half of
  // @lit/context is named apart for that reason, and stays off the pages without a provider.
  if (/[\\/]node_modules[\\/]@lit[\\/]context[\\/]lib[\\/](controllers[\\/]context-provider|value-notifier|decorators[\\/]provide)\.js$/.test(id)) return 'context-provider';
  if (/[\\/]node_modules[\\/]@lit[\\/]context[\\/]/.test(id)) return 'lit';
  if (/[\\/]node_modules[\\/]lit-html[\\/]directives[\\/](live|if-defined)\.js$/.test(id)) return 'lit';
  if (
    /packages[\\/]widgets[\\/]src[\\/](internal[\\/](territory-controller|format|safe-url|config-error)|translations[\\/](localize|bundle|translation|fr)|context[\\/](client|theme|locale|territory)|events[\\/]error|styles[\\/](tokens|base))\.ts$/.test(
      id,
    )
  )
    return 'lit';
  if (/packages[\\/]contract[\\/]src[\\/]intake-choices\.ts$/.test(id)) return 'lit';
  return undefined;
}

/**
 * `new URL('./x-worker.js', import.meta.url)` → the URL of a chunk built from `x-worker.ts`, so a
 * module worker ships as a same-origin file of its own (the strict CSP's 'self' allows it).
 */
const workerChunks = {
  name: 'cpts-worker-chunks',
  async transform(code, id) {
    if (!id.endsWith('.ts') || !code.includes('-worker.js')) return null;
    const pattern = /new URL\((['"])(\.\/[\w-]+-worker\.js)\1,\s*import\.meta\.url\)/g;
    let result = code;
    for (const match of code.matchAll(pattern)) {
      const resolved = await this.resolve(match[2], id);
      if (!resolved) this.error(`cannot resolve the worker ${match[2]} from ${id}`);
      const ref = this.emitFile({type: 'chunk', id: resolved.id, name: `map-${match[2].slice(2, -3)}`});
      result = result.replace(match[0], `new URL(import.meta.ROLLUP_FILE_URL_${ref})`);
    }
    return result === code ? null : {code: result, map: null};
  },
};

/**
 * Leaflet probes for inline SVG with `div.innerHTML = '<svg/>'` when its module loads, which a page
 * enforcing Trusted Types refuses (the module then fails to load). Every browser we support has
 * inline SVG, so the probe becomes `true`. The build fails if the probe changes with an upgrade.
 */
const leafletTrustedTypes = {
  name: 'cpts-leaflet-trusted-types',
  transform(code, id) {
    if (!/[\\/]node_modules[\\/]leaflet[\\/]dist[\\/]leaflet-src\.esm\.js$/.test(id)) return null;
    const probe = /var inlineSvg = !!svg\$1 && \(function \(\) \{[\s\S]*?\}\)\(\);/;
    if (!probe.test(code)) this.error('leaflet: the inline-SVG probe changed; review the Trusted Types patch in rollup.config.mjs');
    return {code: code.replace(probe, 'var inlineSvg = !!svg$1;'), map: null};
  },
};

/** `import styles from 'leaflet/dist/leaflet.css'` → a Lit CSSResult (see map/leaflet-styles.ts). */
const leafletCss = (options = {}) => litCss({include: /[\\/]leaflet[\\/]dist[\\/]leaflet\.css$/, ...options});

/**
 * `x.js.br` and `x.js.gz` beside every script of the bundle, at the highest levels, once per build:
 * the server sends them as they are (packages/server/src/static.ts), never compressing per request.
 * Source maps are left alone: only the developer tools fetch them.
 */
const precompress = {
  name: 'cpts-precompress',
  async writeBundle({dir}, bundle) {
    const brotli = promisify(brotliCompress);
    const gz = promisify(gzip);
    const files = Object.values(bundle).filter((file) => /\.(js|css|json|svg)$/.test(file.fileName));
    await Promise.all(
      files.map(async (file) => {
        const source = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        const path = resolve(dir, file.fileName);
        const size = source.byteLength;
        const br = brotli(source, {params: {[zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: size}});
        await Promise.all([br.then((data) => writeFile(path + '.br', data)), gz(source, {level: 9}).then((data) => writeFile(path + '.gz', data))]);
      }),
    );
  },
};

const scriptTagBundle = {
  input: {'cpts-kit': pkg('widgets', 'src/loader.ts')},
  plugins: [
    // chunk names carry a hash: without this, every build would leave the previous chunks behind
    del({targets: resolve(root, 'dist')}),
    tsFromJs,
    workerChunks,
    leafletTrustedTypes,
    nodeResolve({browser: true, exportConditions: ['@cpts-kit/source', 'browser', 'module', 'import', 'default'], extensions: ['.ts', '.mjs', '.js']}),
    // esbuild leaves template literals alone, and the widgets' `css` and `html` are most of their
    // chunks; before esbuild, which renames the `css` and `html` tags the plugin looks for
    minifyTemplateLiterals({
      include: /[\\/]packages[\\/]widgets[\\/]src[\\/].*\.ts$/,
      exclude: /leaflet-styles\.ts$/, // Leaflet's CSS comes minified by `leafletCss`
      failOnError: true,
      // a space between two words in different elements is text (« À jour le … »), and `value=""`
      // or `alt=""` mean something: collapse whitespace to one space, keep empty attributes
      options: {minifyOptions: {conservativeCollapse: true, removeEmptyAttributes: false}},
    }),
    typescript({minify: true}),
    // esbuild's CSS minifier: cssnano (the plugin's own) warns about source maps on every build
    leafletCss({transform: (css) => transformSync(css, {loader: 'css', minify: true}).code}),
    browserGuard,
    precompress,
  ],
  output: {
    dir: resolve(root, 'dist'),
    format: 'es',
    entryFileNames: '[name].js',
    // a widget's chunk is named after its module: chunks/territory-contact-<hash>.js
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks,
    sourcemap: true,
  },
  onwarn(warning, warn) {
    // about zod's and Lit's own sources: harmless, and not ours to fix
    if (['THIS_IS_UNDEFINED', 'INVALID_ANNOTATION'].includes(warning.code)) return;
    if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
    warn(warning);
  },
};

/** An npm build: our source, readable (consumers minify), dependencies left to their bundler. */
function packageBuild(name, inputs, {plugins = []} = {}) {
  // a stylesheet is inlined (see `leafletCss`): a consumer's bundler would inject it into the page
  const isExternal = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id) && !id.endsWith('.css');
  return {
    input: Object.fromEntries(inputs.map((input) => [input, pkg(name, `src/${input}.ts`)])),
    external: isExternal,
    plugins: [del({targets: pkg(name, 'dist')}), tsFromJs, typescript({minify: false}), ...plugins],
    onwarn: scriptTagBundle.onwarn,
    output: {dir: pkg(name, 'dist'), format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared/[name]-[hash].js', sourcemap: true},
  };
}

/**
 * `.d.ts` for the three packages from one TypeScript program (faster than three `tsc` runs): each
 * `packages/<name>/src/x.ts` gives `packages/<name>/dist/x.d.ts`, beside the JavaScript.
 */
const declarations = {
  name: 'cpts-declarations',
  buildEnd(error) {
    if (error) return;
    const configPath = resolve(root, 'tsconfig.base.json');
    const {config} = ts.readConfigFile(configPath, ts.sys.readFile);
    const {options} = ts.parseJsonConfigFileContent(config, ts.sys, root);
    const program = ts.createProgram({
      rootNames: [
        pkg('contract', 'src/index.ts'),
        pkg('contract', 'src/openapi.ts'),
        pkg('sdk', 'src/index.ts'),
        pkg('widgets', 'src/index.ts'),
        pkg('widgets', 'src/define.ts'),
        pkg('widgets', 'src/loader.ts'),
        pkg('server', 'src/index.ts'),
      ],
      options: {...options, noEmit: false, declaration: true, emitDeclarationOnly: true, sourceMap: false, declarationMap: false},
    });
    const ours = new RegExp(`^${escapeRegExp(resolve(root, 'packages'))}[\\\\/](contract|sdk|widgets|server)[\\\\/]src[\\\\/]`);
    const result = program.emit(undefined, (fileName, text) => {
      const file = resolve(fileName);
      if (!ours.test(file)) return;
      const target = file.replace(/([\\/](?:contract|sdk|widgets|server))[\\/]src[\\/]/, '$1/dist/');
      mkdirSync(dirname(target), {recursive: true});
      writeFileSync(target, text);
    });
    const problems = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (problems.length) {
      this.error(ts.formatDiagnostics(problems, {getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n'}));
    }
  },
};

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What the packages ship besides their own build: the script-tag bundle in `@cpts-kit/widgets/dist`
 * (for the npm CDNs), and the bundle with the example pages in `@cpts-kit/server/public`, which the
 * server serves when it runs from npm rather than from this repository (see `defaultStaticRoot`).
 */
const shipBundle = {
  name: 'cpts-ship-bundle',
  writeBundle() {
    const bundle = resolve(root, 'dist');
    const withoutMaps = (source) => !source.endsWith('.map');
    cpSync(resolve(bundle, 'cpts-kit.js'), pkg('widgets', 'dist/cpts-kit.js'));
    for (const suffix of ['.br', '.gz', '.map']) cpSync(resolve(bundle, 'cpts-kit.js' + suffix), pkg('widgets', 'dist/cpts-kit.js' + suffix));
    cpSync(resolve(bundle, 'chunks'), pkg('widgets', 'dist/chunks'), {recursive: true});
    rmSync(pkg('server', 'public'), {recursive: true, force: true});
    cpSync(bundle, pkg('server', 'public/dist'), {recursive: true, filter: withoutMaps});
    cpSync(resolve(root, 'examples'), pkg('server', 'public/examples'), {recursive: true});
  },
};

/**
 * The server for `node` without tsx: one JavaScript file per source file, in the same folders, so the
 * paths it computes from `import.meta.url` (migrations, data, the PGlite worker) stay right.
 */
const serverBuild = {
  input: ['index', 'main', 'cli'].map((name) => pkg('server', `src/${name}.ts`)),
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id),
  plugins: [
    del({targets: pkg('server', 'dist')}),
    tsFromJs,
    typescript({minify: false, target: 'node20'}),
    {
      name: 'cpts-pglite-worker',
      writeBundle: () => cpSync(pkg('server', 'src/db/pglite-worker.mjs'), pkg('server', 'dist/db/pglite-worker.mjs')),
    },
  ],
  onwarn: scriptTagBundle.onwarn,
  output: {dir: pkg('server', 'dist'), format: 'es', preserveModules: true, preserveModulesRoot: pkg('server', 'src'), entryFileNames: '[name].js'},
};

export default [
  serverBuild,
  scriptTagBundle,
  packageBuild('contract', ['index', 'openapi']),
  packageBuild('sdk', ['index']),
  packageBuild('widgets', ['index', 'define'], {plugins: [nodeResolve({extensions: ['.css']}), leafletCss(), declarations, shipBundle]}),
];
