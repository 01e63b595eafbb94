/**
 * The console scripts of widely used PyPI distributions (console-scripts.json beside this file):
 * for each script, the distribution that provides it and the module `python -m` runs to the same
 * effect, where one exists. Every entry comes from package metadata (an entry_points.txt or a
 * `[project.scripts]` table) and the package's files (a `__main__.py` that calls the same entry
 * point); its `source` says which. `test/known-console-scripts.test.ts` imports each claimed
 * module on the interpreters it finds. These names are Python tools for a project only when it
 * declares the distribution (env/declared-dependencies.ts) or its venv has it.
 */
import { CONSOLE_SCRIPTS_DATA } from './console-scripts-data.js';

export interface KnownScript {
  /** The distribution's name as its metadata spells it. */
  dist: string;
  /** The module `python -m` runs to the same effect; absent when there is none. */
  module?: string;
  /** The entry point (`module:function`). */
  entry: string;
  /** Where the fact comes from. */
  source: string;
}

const normalize = (n: string): string => n.toLowerCase().replace(/[-_.]+/g, '-');

export const KNOWN_CONSOLE_SCRIPTS: ReadonlyMap<string, KnownScript> = new Map(
  CONSOLE_SCRIPTS_DATA.map(([name, e]) => [name, { dist: e.dist, module: e.module ?? undefined, entry: e.entry, source: e.source }]),
);

let byDist: Map<string, string[]> | undefined;
/** The known scripts of a distribution (any spelling of its name). */
export function scriptsOfDistribution(dist: string): readonly string[] {
  if (!byDist) {
    byDist = new Map();
    for (const [name, e] of KNOWN_CONSOLE_SCRIPTS) {
      const k = normalize(e.dist);
      const list = byDist.get(k) ?? [];
      list.push(name);
      byDist.set(k, list);
    }
  }
  return byDist.get(normalize(dist)) ?? [];
}
