import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { preProcessFile } from 'typescript';

/**
 * The server's layers, read from the source: `base/` is what every feature leans on,
 * so it may not lean on any of them, and the feature modules under `modules/` may use
 * each other only one way round. A new feature that needs another module's piece
 * takes it from below, or the piece moves down; it never closes a loop.
 */

const SOURCE = __dirname;
const BASE = join(SOURCE, 'base');
const MODULES = join(SOURCE, 'modules');

function sourceFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(folder, name));
}

/** Every file a source file names in an import, export-from or dynamic import, resolved. */
function localImportsOf(file: string): string[] {
  // The compiler's own reading, so imports in comments or strings are not counted.
  const { importedFiles } = preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier));
}

function isInside(folder: string, path: string): boolean {
  return path.startsWith(folder + sep);
}

/** The module folder (`auth`, `workspaces`, ...) a path under `modules/` belongs to. */
function moduleOf(path: string): string {
  return relative(MODULES, path).split(sep)[0];
}

/**
 * Which module imports which, from the code that ships. Specs are left out: a test
 * may put several features together (every controller's route declarations, say).
 */
function moduleDependencies(): Map<string, Set<string>> {
  const dependencies = new Map<string, Set<string>>();
  for (const file of sourceFilesUnder(MODULES)) {
    if (file.endsWith('.spec.ts')) continue;
    const from = moduleOf(file);
    const uses = dependencies.get(from) ?? new Set<string>();
    dependencies.set(from, uses);
    for (const target of localImportsOf(file)) {
      if (isInside(MODULES, target) && moduleOf(target) !== from) uses.add(moduleOf(target));
    }
  }
  return dependencies;
}

/** Each loop in the graph, as the modules round it (`access → workspaces → access`). */
function loopsIn(graph: Map<string, Set<string>>): string[] {
  const loops: string[] = [];
  const finished = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): void => {
    const onPath = path.indexOf(node);
    if (onPath >= 0) {
      loops.push([...path.slice(onPath), node].join(' → '));
      return;
    }
    if (finished.has(node)) return;
    path.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) visit(next);
    path.pop();
    finished.add(node);
  };
  for (const node of [...graph.keys()].sort()) visit(node);
  return loops;
}

describe('the server is layered', () => {
  it('base imports nothing from the features above it', () => {
    const reachingUp = sourceFilesUnder(BASE).flatMap((file) =>
      localImportsOf(file)
        .filter((target) => !isInside(BASE, target))
        .map((target) => `${relative(SOURCE, file)} imports ${relative(SOURCE, target)}`),
    );
    expect(reachingUp).toEqual([]);
  });

  it('finds the feature modules and what they use', () => {
    const dependencies = moduleDependencies();
    expect([...dependencies.keys()]).toEqual(
      expect.arrayContaining(['accounts', 'auth', 'access', 'workspaces', 'collab']),
    );
    // The check below is only worth something if it sees real edges.
    expect(dependencies.get('collab')).toContain('specifications');
  });

  it('no two feature modules depend on each other, directly or round a loop', () => {
    expect(loopsIn(moduleDependencies())).toEqual([]);
  });

  it('recognises a loop when there is one', () => {
    const graph = new Map([
      ['workspaces', new Set(['access', 'accounts'])],
      ['access', new Set(['workspaces'])],
      ['accounts', new Set<string>()],
    ]);
    expect(loopsIn(graph)).toEqual(['access → workspaces → access']);
  });
});
