import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, it} from 'node:test';

// packages/widgets/API.md is generated from the custom-elements manifest, itself generated from the
// widgets' JSDoc by `npm run build`: this test fails when the committed tables and the code part.
const widgets = resolve(import.meta.dirname, '../../packages/widgets');

function registeredTags(): string[] {
  const src = join(widgets, 'src');
  return readdirSync(src, {recursive: true})
    .filter((name): name is string => typeof name === 'string' && name.endsWith('.ts'))
    .flatMap((name) => [...readFileSync(join(src, name), 'utf8').matchAll(/defineElement\('(cpts-[a-z-]+)'/g)].map((match) => match[1] ?? ''));
}

describe('the widgets reference (API.md)', () => {
  it('is what the manifest of the current JSDoc gives', () => {
    assert.ok(existsSync(join(widgets, 'dist/custom-elements.json')), 'the manifest is missing: run `npm run build` first');
    const check = spawnSync(process.execPath, [join(widgets, 'scripts/api-tables.mjs'), '--check'], {encoding: 'utf8'});
    assert.equal(check.status, 0, check.stderr);
  });

  it('has a section for every element the package registers', () => {
    const api = readFileSync(join(widgets, 'API.md'), 'utf8');
    const tags = registeredTags();
    assert.ok(tags.length >= 10, `found ${tags.length} registrations`);
    for (const tag of tags) assert.ok(api.includes(`## \`<${tag}>\``), `${tag} has no section in API.md`);
  });
});
