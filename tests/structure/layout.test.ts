/**
 * The house rules of DESIGN.md and of the widgets' layout, checked on the sources, so that they
 * hold after every change: data flows contract → sdk → widgets and contract → server; no import
 * cycle; shared widget folders import no feature; no source file grows past 400 lines.
 */
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, it} from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const packagesDir = join(root, 'packages');

/** Folders of packages/widgets/src that every feature may use, and that must import no feature. */
const sharedWidgetFolders = new Set(['internal', 'translations', 'context', 'events', 'styles', 'provider', 'map', 'coordinator']);
/** What each package may import of ours (DESIGN.md §2). */
const allowedPackages: Record<string, string[]> = {contract: [], sdk: ['contract'], widgets: ['sdk', 'contract'], server: ['contract']};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = Object.keys(allowedPackages).flatMap((name) => sourceFiles(join(packagesDir, name, 'src')));

/** The specifiers a file imports or re-exports, static or dynamic (types included: a cycle of types is a cycle to read). */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return found.map((match) => match[1]!);
}

/** A relative specifier (`./x.js`) → the source file it names. */
function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(from), specifier);
  return [target.replace(/\.m?js$/, '.ts'), target.replace(/\.mjs$/, '.mts'), target].find((candidate) => files.includes(candidate));
}

const packageOf = (file: string) => relative(packagesDir, file).split(/[\\/]/)[0]!;
const widgetFolderOf = (file: string) => relative(join(packagesDir, 'widgets', 'src'), file).split(/[\\/]/)[0]!;

describe('source layout', () => {
  it('keeps every source file under 400 lines', () => {
    const big = files.map((file) => ({file: relative(root, file), lines: readFileSync(file, 'utf8').split('\n').length})).filter(({lines}) => lines > 400);
    assert.deepEqual(big, []);
  });

  it('lets data flow contract → sdk → widgets and contract → server, never back', () => {
    const wrong: string[] = [];
    for (const file of files) {
      for (const specifier of specifiersOf(file)) {
        const used = /^@cpts-kit\/([\w-]+)/.exec(specifier)?.[1];
        if (used && !allowedPackages[packageOf(file)]!.includes(used)) wrong.push(`${relative(root, file)} imports ${specifier}`);
        const local = resolveLocal(file, specifier);
        if (local && packageOf(local) !== packageOf(file)) wrong.push(`${relative(root, file)} reaches into ${relative(root, local)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('has shared widget folders that import no feature', () => {
    const wrong: string[] = [];
    for (const file of files.filter((f) => packageOf(f) === 'widgets')) {
      const folder = widgetFolderOf(file);
      if (!sharedWidgetFolders.has(folder)) continue;
      for (const specifier of specifiersOf(file)) {
        const local = resolveLocal(file, specifier);
        if (!local || packageOf(local) !== 'widgets') continue;
        const target = widgetFolderOf(local);
        // top-level modules (index.ts, loader.ts…) gather the features: shared code must not use them either
        if (!sharedWidgetFolders.has(target)) wrong.push(`${relative(root, file)} imports ${relative(root, local)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('has feature folders that import no other feature', () => {
    const wrong: string[] = [];
    for (const file of files.filter((f) => packageOf(f) === 'widgets')) {
      const folder = widgetFolderOf(file);
      if (sharedWidgetFolders.has(folder) || folder.includes('.')) continue;
      for (const specifier of specifiersOf(file)) {
        const local = resolveLocal(file, specifier);
        if (!local || packageOf(local) !== 'widgets') continue;
        const target = widgetFolderOf(local);
        if (target !== folder && !sharedWidgetFolders.has(target)) wrong.push(`${relative(root, file)} imports ${relative(root, local)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('has no import cycle', () => {
    const graph = new Map(files.map((file) => [file, specifiersOf(file).flatMap((s) => resolveLocal(file, s) ?? [])]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });
});
