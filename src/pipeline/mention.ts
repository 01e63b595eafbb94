/**
 * Whether a text names one of a set of files, word by word (the who-runs pass asks it of every
 * configuration and Python file of a run about the files with findings).
 */
/** Characters that end a file's name where code or configuration names it (space, quotes, slashes, brackets, operators). */
const NAME_END = /[\s'"`/\\()[\]{},;:=<>|&$*?!#]/;
const NAME_TOKENS = /[^\s'"`/\\()[\]{},;:=<>|&$*?!#]+/g;

/**
 * Whether a text mentions one of `names` (file names) as a word of its own: a word between the
 * characters that end a name, punctuation at either end aside (`./mod.py`, `@mod.py`, `mod.py.`),
 * so `mod.pyc` is not `mod.py`. A name holding such a character is searched for as it is. A few names
 * are searched for in the text and each hit's word compared; many (a run of 16,000 flagged files)
 * by looking up each word of the text in a set: a search per name over every file of the run was
 * quadratic (16k files: 13 s).
 */
export function mentionTest(names: readonly string[]): (text: string) => boolean {
  const set = new Set(names);
  const odd = names.filter((n) => NAME_END.test(n));
  const plain = names.filter((n) => !NAME_END.test(n));
  const named = (w: string) => set.has(w) || set.has(w.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, ''));
  if (plain.length <= 16) {
    return (text) =>
      plain.some((n) => {
        // Every hit in one word is that word: the next search starts after it (linear on a long word).
        for (let i = text.indexOf(n), b = 0; i >= 0; i = text.indexOf(n, b)) {
          let a = i;
          while (a > b && !NAME_END.test(text[a - 1])) a--;
          b = i + n.length;
          while (b < text.length && !NAME_END.test(text[b])) b++;
          if (named(text.slice(a, b))) return true;
        }
        return false;
      }) || odd.some((n) => text.includes(n));
  }
  return (text) => {
    for (const m of text.matchAll(NAME_TOKENS)) if (named(m[0])) return true;
    return odd.some((n) => text.includes(n));
  };
}
