/**
 * The fuzzer's inputs, shared by the in-process fuzz test (test/fuzz.test.ts) and the CLI fuzz
 * script (scripts/fuzz.ts): a seeded generator, each front end with its file name and bundled
 * examples, and the random, mutated, truncated, deeply nested and alias-bomb inputs made from them.
 */
import type { Language } from '../src/kernel/launch-site.js';
import { NESTERS, TOKENS } from './fuzz-seeds.js';

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] };
}
export type Rng = ReturnType<typeof prng>;

/** Each front end, the file name it is checked under, and the bundled examples that are its seeds. */
/**
 * `ownStream`: the front end draws its inputs from a stream of its own (the seed mixed with its
 * name) instead of the shared one, so that adding it leaves every other front end's inputs as they
 * were (the shared stream is consumed round robin: one more format shifts all the others' inputs).
 */
export const FORMATS: { language: Language; name: string; examples: string[]; ownStream?: boolean }[] = [
  { language: 'python', name: 'app/tasks.py', examples: ['examples/flask-worker/app/tasks.py', 'examples/flask-worker/app/reports.py', 'examples/flask-worker/scripts/deploy.py', 'examples/flask-worker/vendor/legacy_build.py'] },
  { language: 'dockerfile', name: 'Dockerfile', examples: ['examples/ci-mixed/Dockerfile'] },
  { language: 'github-actions', name: '.github/workflows/ci.yml', examples: ['examples/ci-mixed/.github/workflows/ci.yml'] },
  { language: 'gitlab-ci', name: '.gitlab-ci.yml', examples: ['examples/ci-mixed/.gitlab-ci.yml'] },
  { language: 'makefile', name: 'Makefile', examples: ['examples/ci-mixed/Makefile'] },
  { language: 'shell', name: 'scripts/bootstrap.sh', examples: ['examples/ci-mixed/scripts/bootstrap.sh'] },
  { language: 'systemd', name: 'deploy/app.service', examples: ['examples/ci-mixed/deploy/app.service'] },
  { language: 'supervisor', name: 'deploy/supervisor/app.conf', examples: ['examples/ci-mixed/deploy/supervisor/app.conf'] },
  { language: 'procfile', name: 'Procfile', examples: ['examples/ci-mixed/Procfile'] },
  { language: 'crontab', name: 'deploy/crontab', examples: ['examples/ci-mixed/deploy/crontab'] },
  { language: 'pre-commit', name: '.pre-commit-config.yaml', examples: [], ownStream: true },
  { language: 'jenkins', name: 'Jenkinsfile', examples: [], ownStream: true },
  { language: 'azure-pipelines', name: 'azure-pipelines.yml', examples: [], ownStream: true },
  { language: 'circleci', name: '.circleci/config.yml', examples: [], ownStream: true },
  { language: 'bitbucket-pipelines', name: 'bitbucket-pipelines.yml', examples: [], ownStream: true },
  { language: 'compose', name: 'compose.yaml', examples: [], ownStream: true },
  { language: 'notebook', name: 'notebooks/explore.ipynb', examples: [], ownStream: true },
];

const enc = (s: string) => Buffer.from(s, 'utf8');

/** One to four mutations of a seed's bytes: the kinds of damage real files and editors produce. */
function mutate(rng: Rng, input: Buffer, language: Language, others: string[]): Buffer {
  let b = input;
  const at = () => rng.int(b.length + 1);
  for (let k = 1 + rng.int(4); k > 0; k--) {
    switch (rng.int(9)) {
      case 0: // truncated (a download cut short, a half-saved file)
        b = b.subarray(0, at());
        break;
      case 1: // a token of the format inserted anywhere
        {
          const i = at();
          b = Buffer.concat([b.subarray(0, i), enc(rng.pick(TOKENS[language].concat(TOKENS.any))), b.subarray(i)]);
        }
        break;
      case 2: // a range deleted
        {
          const i = at();
          b = Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + rng.int(64)))]);
        }
        break;
      case 3: // a range repeated
        {
          const i = at();
          const piece = b.subarray(i, i + 1 + rng.int(80));
          b = Buffer.concat([b.subarray(0, i), ...Array<Buffer>(1 + rng.int(20)).fill(piece), b.subarray(i)]);
        }
        break;
      case 4: // random bytes overwritten
        b = Buffer.from(b);
        for (let n = 1 + rng.int(8); n > 0 && b.length; n--) b[rng.int(b.length)] = rng.int(256);
        break;
      case 5: // lines of another seed of the same format spliced in
        {
          const lines = b.toString('utf8').split('\n');
          const other = rng.pick(others).split('\n');
          const from = rng.int(other.length);
          lines.splice(rng.int(lines.length + 1), 0, ...other.slice(from, from + 1 + rng.int(8)));
          b = enc(lines.join('\n'));
        }
        break;
      case 6: // other line endings, a BOM, tabs for indentation
        {
          const s = b.toString('utf8');
          const v = rng.int(4);
          b = enc(v === 0 ? s.replace(/\n/g, '\r\n') : v === 1 ? s.replace(/\n/g, '\r') : v === 2 ? '\ufeff' + s : s.replace(/^ {4}/gm, '\t'));
        }
        break;
      case 7: // lines shuffled locally
        {
          const lines = b.toString('utf8').split('\n');
          const i = rng.int(lines.length);
          const j = rng.int(lines.length);
          [lines[i], lines[j]] = [lines[j], lines[i]];
          b = enc(lines.join('\n'));
        }
        break;
      default: // a nested construct of the format dropped in
        {
          const i = at();
          b = Buffer.concat([b.subarray(0, i), enc(rng.pick(NESTERS[language])(1 + rng.int(40), rng.next)), b.subarray(i)]);
        }
    }
  }
  return b;
}

/** The next input for a format: random bytes, a seed as is or mutated, or a deeply nested variant. */
export function generate(rng: Rng, language: Language, seeds: string[]): { kind: string; bytes: Buffer } {
  const r = rng.int(10);
  if (r === 0) return { kind: 'random bytes', bytes: Buffer.from(Array.from({ length: rng.int(600) }, () => rng.int(256))) };
  if (r === 1) return { kind: 'random bytes after a seed', bytes: Buffer.concat([enc(rng.pick(seeds)), Buffer.from(Array.from({ length: rng.int(200) }, () => rng.int(256)))]) };
  if (r === 2) return { kind: 'seed', bytes: enc(rng.pick(seeds)) };
  if (r <= 4) {
    // Nested deeply: hundreds to thousands of levels.
    const depth = rng.pick([50, 200, 700, 3000]);
    return { kind: `nested ${depth}`, bytes: enc(rng.pick(NESTERS[language])(depth, rng.next)) };
  }
  return { kind: 'mutated seed', bytes: mutate(rng, enc(rng.pick(seeds)), language, seeds) };
}
