import assert from 'node:assert/strict';
import {execFileSync, spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {after, before, describe, it} from 'node:test';

// What a developer gets from npm: the packed tarballs, installed in an empty project, used without
// the repository, tsx or our tsconfig. Needs `npm run build` first (npm test runs it before this).
const repo = resolve(import.meta.dirname, '../..');
const PACKAGES = ['contract', 'sdk', 'widgets', 'server'] as const;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, {cwd, encoding: 'utf8', timeout: 90_000, env: {...process.env, npm_config_update_notifier: 'false'}});
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The part of the custom-elements manifest (schema 2.x) this test reads. */
interface CustomElementsManifest {
  modules: {declarations?: {customElement?: boolean; tagName?: string; events?: {name: string}[]; cssParts?: {name: string}[]; attributes?: {name: string}[]}[]}[];
}

const listOf = (tarball: string) => execFileSync('tar', ['tzf', tarball], {encoding: 'utf8'}).split('\n').filter(Boolean);
const manifest = (name: string) => JSON.parse(readFileSync(join(repo, 'packages', name, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('the packages as npm delivers them', {timeout: 120_000}, () => {
  let dir: string;
  let app: string;
  const tarballs = new Map<string, string>();

  before(() => {
    for (const name of PACKAGES) assert.ok(existsSync(join(repo, 'packages', name, 'dist')), `packages/${name}/dist is missing: run \`npm run build\` first`);
    dir = mkdtempSync(join(tmpdir(), 'cpts-pack-'));
    app = join(dir, 'app');
    mkdirSync(app);
    for (const name of PACKAGES) {
      const file =
        ok(run(npm, ['pack', '--silent', '--pack-destination', dir], join(repo, 'packages', name)), `npm pack ${name}`)
          .trim()
          .split('\n')
          .pop() ?? '';
      tarballs.set(name, join(dir, file));
    }
    writeFileSync(join(app, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module'}));
    // our packages from the tarballs; their third-party dependencies from npm's cache, or the registry
    const install = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...PACKAGES.map((name) => tarballs.get(name) ?? '')];
    ok(run(npm, install, app), 'npm install of the tarballs');
  });
  after(() => {
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  it('imports the SDK and the contract from plain Node', () => {
    const script = [
      "import {CptsClient, createIntakeRequest} from '@cpts-kit/sdk';",
      "import {Slug} from '@cpts-kit/contract';",
      "const client = new CptsClient({baseUrl: 'https://api.example.fr/', territory: 'demo'});",
      "console.log(client.territory, typeof createIntakeRequest, Slug.safeParse('demo').success, Slug.safeParse('Pas un slug').success);",
    ].join('\n');
    assert.equal(ok(run(process.execPath, ['--input-type=module', '-e', script], app), 'node import').trim(), 'demo function true false');
  });

  it('type-checks a TypeScript consumer against the published .d.ts', () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      [
        "import {CptsClient, getAvailabilityBoard} from '@cpts-kit/sdk';",
        "import type {IntakeRequestCreate} from '@cpts-kit/contract';",
        "import type {load} from '@cpts-kit/widgets/loader';",
        'export type Load = typeof load;',
        "const client = new CptsClient({baseUrl: 'https://api.example.fr/', territory: 'demo', lang: 'en'});",
        'export const board = getAvailabilityBoard(client);',
        "export const lang: 'fr' | 'en' = client.lang;",
        '// were the types missing (any), this expectation would be unused, and tsc would say so',
        '// @ts-expect-error territory is required',
        "export const broken = new CptsClient({baseUrl: 'https://api.example.fr/'});",
        "export type Phone = IntakeRequestCreate['requester'];",
      ].join('\n'),
    );
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2023', 'dom', 'dom.iterable'],
        skipLibCheck: true,
        types: [],
      },
      files: ['consumer.ts'],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
    ok(run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', app], app), 'tsc on the consumer');
  });

  it('names a custom-elements manifest that describes the widgets, from the installed package', () => {
    const installed = join(app, 'node_modules/@cpts-kit/widgets');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {customElements?: string};
    assert.equal(pkg.customElements, 'dist/custom-elements.json');
    const cem = JSON.parse(readFileSync(join(installed, pkg.customElements), 'utf8')) as CustomElementsManifest;
    const elements = cem.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);
    const form = elements.find((element) => element.tagName === 'cpts-intake-form');
    assert.ok(form, 'cpts-intake-form is described');
    assert.deepEqual(form.events?.map((event) => event.name).sort(), ['cpts-error', 'cpts-submitted']);
    assert.ok(form.cssParts?.some((part) => part.name === 'submit'));
    assert.ok(form.attributes?.some((attribute) => attribute.name === 'territory'));
    for (const tag of ['cpts-territory-contact', 'cpts-availability-map', 'cpts-waiting-list'])
      assert.ok(
        elements.some((element) => element.tagName === tag),
        tag,
      );
  });

  it("runs the server's bin with plain node, from its compiled JavaScript", () => {
    const bin = join(app, 'node_modules/@cpts-kit/server/bin/cpts-kit-server.mjs');
    assert.ok(!existsSync(join(app, 'node_modules/@cpts-kit/server/src')), 'the server ships its build, not its TypeScript');
    // tsx and its esbuild are the repository's tools, not a dependency of anything published
    assert.ok(!existsSync(join(app, 'node_modules/tsx')), 'installing the packages brings no tsx');
    const help = ok(run(process.execPath, [bin, '--help'], app), 'cpts-kit-server --help');
    assert.match(help, /cpts-kit-server start/);
    assert.match(help, /territory create/);
  });

  it('ships what each package needs: the bundle for CDNs, the server its migrations, data, bundle and pages', () => {
    const widgets = listOf(tarballs.get('widgets') ?? '');
    for (const file of ['dist/cpts-kit.js', 'dist/cpts-kit.js.br', 'dist/index.js', 'dist/index.d.ts', 'dist/define.js'])
      assert.ok(widgets.includes(`package/${file}`), `widgets: ${file}`);
    assert.ok(
      widgets.some((file) => /^package\/dist\/chunks\/.+-[\w-]{8}\.js$/.test(file)),
      'widgets: the hashed chunks',
    );
    const server = listOf(tarballs.get('server') ?? '');
    for (const file of [
      'bin/cpts-kit-server.mjs',
      'dist/main.js',
      'dist/cli.js',
      'dist/index.d.ts',
      'dist/db/pglite-worker.mjs',
      'migrations/001_init.sql',
      'data/communes.json',
      'data/epci.json',
    ]) {
      assert.ok(server.includes(`package/${file}`), `server: ${file}`);
    }
    for (const file of ['public/dist/cpts-kit.js', 'public/dist/cpts-kit.js.br', 'public/dist/cpts-kit.js.gz', 'public/examples/index.html'])
      assert.ok(server.includes(`package/${file}`), `server: ${file}`);
    for (const name of PACKAGES) {
      const files = listOf(tarballs.get(name) ?? '');
      assert.ok(files.includes('package/LICENSE'), `${name}: LICENSE`);
      assert.ok(files.includes('package/CHANGELOG.md'), `${name}: CHANGELOG.md`);
      assert.ok(!files.some((file) => file.endsWith('.test.ts')), `${name}: no tests`);
    }
  });

  it('gives every package the same version, and depends on exactly that version of the others', () => {
    // the changesets' fixed group keeps them together; the private root has no version of its own
    const version = manifest('contract').version;
    assert.match(String(version), /^\d+\.\d+\.\d+/);
    for (const name of PACKAGES) {
      const pkg = manifest(name);
      assert.equal(pkg.version, version, `${name}'s version`);
      assert.equal(pkg.license, 'MIT');
      for (const [dep, range] of Object.entries((pkg.dependencies ?? {}) as Record<string, string>)) {
        if (dep.startsWith('@cpts-kit/')) assert.equal(range, version, `${name} → ${dep}`);
      }
    }
  });
});
