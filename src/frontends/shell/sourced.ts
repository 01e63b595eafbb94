/**
 * A script of the repository that a shell sources (`source tools/ci/activate.sh`, nipype's CI):
 * what it does to PATH happens in the sourcing shell. The shell model does not run it; it only asks
 * whether its text activates an environment (`source virtenv/bin/activate`, `conda activate`, a
 * `PATH=…/bin:$PATH` or `VIRTUAL_ENV=` assignment). If so, some venv is active after the `source`,
 * as after `source "$UNKNOWN/bin/activate"`: names are no longer judged against a venv the caller
 * made. Relative names are looked up from the sourcing file's folder and each folder above it
 * (a CI script is usually run from the repository root); only regular files up to 256 KB are read.
 * So, too, a call of a helper the script does not define whose name says it activates (`_activate`,
 * `activate_venv`: a function of a header another file or a template include provides).
 */
import path from 'node:path';
import { fileAnswer, fromFolderUp } from '../repo-files.js';

const MAX_BYTES = 256 * 1024;
/** An activation on one line of a script, before any comment. */
const ACTIVATES = /^[^#]*?(?:(?:^|[\s;&|(])(?:source|\.)[ \t]+["']?[^\s;&|"']*\/?bin\/activate\b|\b(?:conda|mamba|micromamba)[ \t]+activate\b|\bVIRTUAL_ENV=\S|\bPATH=["']?[^\s;#]*\/bin:)/;
/** Lines longer than this are not read (the pattern's work grows with a line's length squared). */
const MAX_LINE = 512;

/** Whether a script's text activates an environment on one of its lines. */
function activatesIn(text: string): boolean {
  for (const line of text.split('\n')) {
    if (line.length > MAX_LINE || !/activate|PATH=|VIRTUAL_ENV=/.test(line)) continue;
    if (ACTIVATES.test(line)) return true;
  }
  return false;
}

const cache = new Map<string, boolean>();

/** The repository file `target` names from `from` (a checked file), if it activates an environment. */
export function sourcedActivation(from: string, target: string): string | undefined {
  if (!target || target.startsWith('/') || target.startsWith('~') || /[$`*?\u0001]/.test(target)) return undefined;
  const hit = fromFolderUp(from, (dir) => fileAnswer(cache, path.join(dir, target), MAX_BYTES, (text) => text !== undefined && activatesIn(text)));
  return hit ? target : undefined;
}

/** A command name that says it activates an environment (`_activate`, `activate_venv`, `venv-activate`), not `activate` itself. */
export const ACTIVATING_HELPER = /^(?:_+activate\w*|[A-Za-z]\w*[_-]activate(?:[_-][\w-]+)?|activate[_-][\w-]+)$/i;

/** Whether the file defines a shell function of that name (the model then runs its body). */
export function definesFunction(text: string, name: string): boolean {
  const n = name.replace(/[-]/g, '\\-');
  return new RegExp(`(?:^|[\\s;&|(){}])(?:function[ \\t]+${n}\\b|${n}[ \\t]*\\(\\s*\\))`).test(text);
}
