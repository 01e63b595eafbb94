/**
 * A venv's folder as the Makefile writes it when a variable holds only part of it: `tmp$(INSTALL_VENV)`
 * for tmp/opt/ont/bonito/venv, where `INSTALL_VENV := $(INSTALL_DIR)/venv/` (bonito's `deb` recipe).
 * A fix that writes the program by that text keeps working when the variable is given on make's
 * command line (`make deb INSTALL_DIR=/opt/x`); the expanded path would not.
 */
import path from 'node:path';

/**
 * The bin folder of `venv` (absolute) as `PREFIX$(NAME)bin`, when the file's text has `PREFIX$(NAME)`
 * (PREFIX a plain relative path, maybe empty) and CURDIR/PREFIX joined with the value of NAME is
 * `venv`; undefined otherwise. `values`: the file's variables with fully known values.
 */
export function writtenBin(venv: string, curdir: string, text: string, values: Iterable<[string, string]>, bin: string): string | undefined {
  for (const [name, value] of values) {
    if (!value.startsWith('/') || /\s/.test(value)) continue;
    const bare = value.replace(/\/+$/, '');
    // A value that is only `/` would spell any folder.
    if (bare === '' || !venv.endsWith(bare)) continue;
    const prefix = path.posix.relative(curdir, venv.slice(0, venv.length - bare.length) || '/');
    if (prefix.startsWith('..') || !/^[\w./-]*$/.test(prefix)) continue;
    const written = `${prefix}$(${name})`;
    const at = text.indexOf(written);
    // As a word of its own: not the tail of a longer path (`xtmp$(X)`).
    if (at < 0 || (at > 0 && /[\w./-]/.test(text[at - 1]))) continue;
    return `${written}${value.endsWith('/') ? '' : '/'}${bin}`;
  }
  return undefined;
}
