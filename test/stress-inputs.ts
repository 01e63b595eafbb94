/**
 * Hostile and huge configuration files, shaped as the stress test of issue 16 wrote them, for the
 * budget tests (test/budgets.test.ts) and for measuring by hand: each generator grows with `n`.
 */

/** The launch every generated file holds somewhere, so that a check has something to find. */
export const ESCAPE = 'python3 -m venv .venv && pip install requests';

/**
 * YAML "billion laughs" inside a GitLab job's `script:`: `levels` lists of `width` aliases of the
 * list before, so a few hundred bytes name width^levels script lines.
 */
export function gitlabLaughs(levels = 7, width = 9): string {
  let y = `.l0: &l0 ["${ESCAPE}"]\n`;
  for (let i = 1; i <= levels; i++) y += `.l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(',')}]\n`;
  return `${y}job:\n  script: *l${levels}\n`;
}

/** The same bomb in a GitHub Actions step: a `run:` is one string, so the lists are `env:` values and `with:` maps. */
export function actionsLaughs(levels = 7, width = 9): string {
  let y = 'on: push\nx-laughs:\n';
  y += `  l0: &l0 {a: "${ESCAPE}"}\n`;
  for (let i = 1; i <= levels; i++) y += `  l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(',')}]\n`;
  return `${y}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: {x: *l${levels}}\n      - run: ${ESCAPE}\n`;
}

/** `n` GitLab jobs built from one template by merge keys and aliases (`<<: *base`, `script: *s`). */
export function gitlabAliases(n: number): string {
  let y = `.base: &base\n  image: python:3.12\n  before_script: &bs\n    - pip install -r requirements.txt\n.s: &s\n  - ${ESCAPE}\n`;
  for (let i = 0; i < n; i++) y += `job${i}:\n  <<: *base\n  before_script: *bs\n  script: *s\n`;
  return y;
}

/**
 * `n` GitHub Actions steps whose `run:` is an alias of one anchored one-word script, after a step
 * with the escape: each step costs little, so alias resolution is most of the work.
 */
export function actionsAliases(n: number): string {
  let y = `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${ESCAPE}\n      - run: &s date\n`;
  for (let i = 1; i < n; i++) y += '      - run: *s\n';
  return y;
}

/** A linear `extends:` chain of `n` jobs, each adding a variable to the one before. */
export function gitlabExtendsChain(n: number): string {
  let y = `job0:\n  script:\n    - ${ESCAPE}\n`;
  for (let i = 1; i < n; i++) y += `job${i}:\n  extends: job${i - 1}\n  variables:\n    V${i}: "${i}"\n`;
  return y;
}

/**
 * `n` GitLab jobs in chains of `depth` `extends:` levels (GitLab's limit is 11), each level adding
 * a variable: what a large real pipeline of layered templates looks like, grown.
 */
export function gitlabExtendsChains(n: number, depth = 10): string {
  let y = '';
  for (let i = 0; i < n; i++) {
    const d = i % depth;
    y += d === 0 ? `.c${i}:\n  image: python:3.12\n  script:\n    - ${ESCAPE}\n` : `${d === depth - 1 ? '' : '.'}c${i}:\n  extends: .c${i - 1}\n  variables:\n    V${i}: "${i}"\n`;
  }
  return y;
}

/**
 * One anchored `run:` script of `size` characters (a long `echo` line and the escape), used again by
 * `n` more steps through aliases: a file of `size` characters that is `n` times that much shell text.
 */
export function actionsRunBomb(n: number, size = 200_000): string {
  let y = `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: &s |\n          echo ${'x'.repeat(size)}\n          ${ESCAPE}\n`;
  for (let i = 0; i < n; i++) y += '      - run: *s\n';
  return y;
}

/** A GitHub Actions step of `n` lines that `echo` (the form that writes $GITHUB_PATH), then the escape. */
export function actionsEchoes(n: number): string {
  let y = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n';
  for (let i = 0; i < n; i++) y += `          echo "step ${i}" >> "$LOG"\n`;
  return `${y}          ${ESCAPE}\n`;
}

/** A shell script of `n` tiny commands on few lines (`true;` …): many commands in little text. */
export function shellCommands(n: number): string {
  return `#!/bin/sh\n${'true; '.repeat(n)}\n${ESCAPE}\n`;
}

/** `n` jobs whose script is a `!reference` to the job before's. */
export function gitlabReferenceChain(n: number): string {
  let y = `job0:\n  script:\n    - ${ESCAPE}\n`;
  for (let i = 1; i < n; i++) y += `job${i}:\n  script:\n    - !reference [job${i - 1}, script]\n    - echo ${i}\n`;
  return y;
}

/** One Dockerfile `RUN` of `n` continued command lines. */
export function dockerfileRun(n: number): string {
  let y = 'FROM python:3.12\nRUN set -e \\\n';
  for (let i = 0; i < n; i++) y += ` && echo step-${i} "$HOME" > /tmp/out-${i} \\\n`;
  return `${y} && ${ESCAPE}\n`;
}

/** A shell script of `n` lines of ordinary commands, with the escape at the end. */
export function shellScript(n: number): string {
  let y = '#!/bin/sh\nset -e\n';
  for (let i = 0; i < n; i++) y += `echo "step ${i}" >> "$LOG"; cp -r src/dir${i} "$OUT/dir${i}"\n`;
  return `${y}${ESCAPE}\n`;
}

/** A shell script of `n` nested `if` blocks around the escape. */
export function shellNesting(n: number): string {
  return `#!/bin/sh\n${'if true; then\n'.repeat(n)}${ESCAPE}\n${'fi\n'.repeat(n)}`;
}
