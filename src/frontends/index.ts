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

// Order matters where two could claim a file: a cron.d file with a shebang is a crontab.
export const FRONT_ENDS: readonly FrontEnd[] = [
  pythonFrontEnd,
  dockerfileFrontEnd,
  actionsFrontEnd,
  gitlabFrontEnd,
  makefileFrontEnd,
  crontabFrontEnd,
  procfileFrontEnd,
  systemdFrontEnd,
  supervisorFrontEnd,
  shellScriptFrontEnd,
];

/** The front end that claims a file by its path (and first line), if any. */
export function claimingFrontEnd(path: string, head = ''): FrontEnd | undefined {
  return FRONT_ENDS.find((f) => f.claims(path, head));
}

/** For a file the user named explicitly, or text without a path: Python unless another claims it. */
export function frontEndFor(path: string, head = ''): FrontEnd {
  return claimingFrontEnd(path, head) ?? pythonFrontEnd;
}
