/** The front-end registry: which front end handles a file. Python is the fallback for files named explicitly. */
import type { FrontEnd } from './front-end.js';
import { actionsFrontEnd } from './actions/index.js';
import { dockerfileFrontEnd } from './dockerfile/index.js';
import { gitlabFrontEnd } from './gitlab/index.js';
import { makefileFrontEnd } from './makefile/index.js';
import { pythonFrontEnd } from './python/index.js';
import { shellScriptFrontEnd } from './shell-script/index.js';
import { systemdFrontEnd } from './systemd/index.js';
import { supervisorFrontEnd } from './supervisor/index.js';
import { procfileFrontEnd } from './procfile/index.js';
import { crontabFrontEnd } from './crontab/index.js';
import { preCommitFrontEnd } from './pre-commit/index.js';
import { azureFrontEnd } from './azure/index.js';
import { circleciFrontEnd } from './circleci/index.js';
import { bitbucketFrontEnd } from './bitbucket/index.js';
import { jenkinsFrontEnd } from './jenkins/index.js';
import { composeFrontEnd } from './compose/index.js';
import { notebookFrontEnd } from './notebook/index.js';

// Order matters where two could claim a file: a cron.d file with a shebang is a crontab.
export const FRONT_ENDS: readonly FrontEnd[] = [
  pythonFrontEnd,
  dockerfileFrontEnd,
  actionsFrontEnd,
  gitlabFrontEnd,
  preCommitFrontEnd,
  azureFrontEnd,
  circleciFrontEnd,
  bitbucketFrontEnd,
  jenkinsFrontEnd,
  composeFrontEnd,
  makefileFrontEnd,
  crontabFrontEnd,
  procfileFrontEnd,
  systemdFrontEnd,
  supervisorFrontEnd,
  shellScriptFrontEnd,
  notebookFrontEnd,
];

/**
 * Extensions that say "a script" without saying in which language for sure: the shebang decides
 * (`tool.sh` starting `#!/usr/bin/env python3` is Python, as the kernel runs it).
 */
export const GENERIC_SCRIPT_NAME = /\.(sh|bash)$/i;

/**
 * What a front end may claim a file by besides its path: the first line (a shebang), read only for
 * a name without an extension or with a generic script one. From bytes (discovery, reading) or
 * text (in-memory sources) alike.
 */
export function headOf(path: string, content: Uint8Array | string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  if (name.includes('.') && !GENERIC_SCRIPT_NAME.test(name)) return '';
  const head = typeof content === 'string' ? content.slice(0, 200) : Buffer.from(content.subarray(0, 200)).toString('latin1');
  return head.split(/\r?\n|\r/, 1)[0];
}

/** The front end for a language (the choice made when the file was read, e.g. in a worker). */
export function frontEndByLanguage(language: string): FrontEnd {
  const fe = FRONT_ENDS.find((f) => f.language === language);
  if (!fe) throw new Error(`no front end for ${language}`);
  return fe;
}

/** The front end that claims a file by its path (and first line), if any. */
export function claimingFrontEnd(path: string, head = ''): FrontEnd | undefined {
  return FRONT_ENDS.find((f) => f.claims(path, head));
}

/** For a file the user named explicitly, or text without a path: Python unless another claims it. */
export function frontEndFor(path: string, head = ''): FrontEnd {
  return claimingFrontEnd(path, head) ?? pythonFrontEnd;
}
