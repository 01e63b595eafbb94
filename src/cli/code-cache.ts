/**
 * A CommonJS script compiled with a V8 code cache: the bundle's dist/cli/fast.js (doctor and
 * --version) and dist/cli/program.js (every other command), with `fast.js.cache` and
 * `program.js.cache` written at build time by a run of each script (scripts/bundle.ts), so that
 * they hold the functions those runs compiled. Node 20 has no compile cache of its own
 * (module.enableCompileCache is Node 22). When the cache is missing, or V8 rejects it (another Node
 * version or V8 flags), the script is compiled as usual: same behaviour, only slower.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** The script as CommonJS wraps it; the first line keeps its number, so that stack traces keep theirs. */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) {${source.replace(/^#!.*/, '')}\n})`;

export interface CachedScript {
  exports: unknown;
  /** Whether V8 took the cache: undefined when there was none. */
  cacheRejected?: boolean;
  script: vm.Script;
}

/** Compile `file` (a CommonJS script) with `${file}.cache` when there is one, without running it. */
export function compileCached(file: string): Omit<CachedScript, 'exports'> {
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  return { cacheRejected: cachedData ? script.cachedDataRejected : undefined, script };
}

/** Compile and run `file` (a CommonJS script) with `${file}.cache` when there is one; `req` resolves its requires. */
export function requireCached(file: string, req: NodeJS.Require): CachedScript {
  const { script, cacheRejected } = compileCached(file);
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, req, module, file, path.dirname(file));
  return { exports: module.exports, cacheRejected, script };
}

/** Write the code cache of a script run by requireCached, once the run is over (its functions compiled). */
export function writeCodeCache(file: string, script: vm.Script): void {
  fs.writeFileSync(`${file}.cache`, script.createCachedData());
}
