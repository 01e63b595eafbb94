/**
 * The site's search: an inverted index built here at build time and one query function that runs
 * both in Node (the tests) and in the browser (the site ships its source, `searchIn.toString()`).
 *
 * Why not minisearch or lunr: the site has a few dozen pages; what search must do is find a code
 * (`VG102`, `dr015`), a name (`bare-pip`), a program or variable (`sys.executable`, `VIRTUAL_ENV`) or
 * words of the prose while they are typed. A term index with prefix matching does that in about a
 * hundred lines with no library to ship to the browser or to bundle, and the same function the
 * browser runs is the one the tests call.
 */

export interface SearchDoc {
  /** The page, relative to the site's root (`rules/VG102.html`). */
  url: string;
  /** `VG102`, `DR015`. */
  code: string;
  /** The page's title without its code (`bare-pip`, or the doctor code's title). */
  title: string;
  summary: string;
  /** The topic's title. */
  topic: string;
}

export interface SearchIndex {
  docs: SearchDoc[];
  /** term → [doc index, weight, doc index, weight, …] (flat: half the size of pairs in JSON). */
  terms: Record<string, number[]>;
}

/** What a page contributes: fields with their weights. */
export interface IndexInput {
  doc: SearchDoc;
  fields: { text: string; weight: number }[];
}

/** The query side's tokenizer, kept inside searchIn (which must stand alone); this is the same one. */
export const TOKEN = /[\p{L}\p{N}_]+/gu;

export function buildIndex(inputs: IndexInput[]): SearchIndex {
  const terms: Record<string, Map<number, number>> = Object.create(null);
  inputs.forEach(({ fields }, d) => {
    for (const { text, weight } of fields)
      for (const m of text.toLowerCase().matchAll(TOKEN)) {
        const postings = (terms[m[0]] ??= new Map());
        postings.set(d, (postings.get(d) ?? 0) + weight);
      }
  });
  const flat: Record<string, number[]> = {};
  for (const term of Object.keys(terms).sort()) {
    // A word repeated in the prose should not outweigh a word of the title: dampen counts.
    flat[term] = [...terms[term]].flatMap(([d, w]) => [d, Math.round(Math.sqrt(w) * 10) / 10]);
  }
  return { docs: inputs.map((i) => i.doc), terms: flat };
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
}

/**
 * Every page that has all the query's words (each word matches a term it begins; a whole-term
 * match counts double), best first. Stands alone: the site ships this function's source.
 */
export function searchIn(index: SearchIndex, query: string): SearchHit[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return [];
  const keys = Object.keys(index.terms);
  let scores: Map<number, number> | undefined;
  for (const word of words) {
    const found = new Map<number, number>();
    for (const key of keys) {
      if (!key.startsWith(word)) continue;
      const factor = key === word ? 2 : 1;
      const postings = index.terms[key];
      for (let i = 0; i < postings.length; i += 2) found.set(postings[i], (found.get(postings[i]) ?? 0) + postings[i + 1] * factor);
    }
    const prev: Map<number, number> | undefined = scores;
    scores = new Map();
    for (const [d, s] of found) if (!prev || prev.has(d)) scores.set(d, s + (prev?.get(d) ?? 0));
    if (scores.size === 0) return [];
  }
  // A page whose code or name begins with the query as typed (`source-in`, `vg20`) comes first:
  // the words of a long page's prose must not outrank the page the query names.
  const typed = query.trim().toLowerCase();
  const named = (doc: SearchIndex['docs'][number]) => doc.code.toLowerCase().startsWith(typed) || doc.title.toLowerCase().startsWith(typed);
  return [...(scores ?? [])]
    .map(([d, score]) => ({ doc: index.docs[d], score: named(index.docs[d]) ? score + 1e6 : score }))
    .sort((a, b) => b.score - a.score || a.doc.code.localeCompare(b.doc.code));
}

/**
 * The search page's behaviour (browser only; shipped as source with searchIn): results for the
 * query in the address (`search.html?q=…`), updated on every keystroke and kept in the address.
 */
export function searchPage(index: SearchIndex, search: typeof searchIn): void {
  const input = document.getElementById('q') as HTMLInputElement;
  const list = document.getElementById('results') as HTMLOListElement;
  const status = document.getElementById('status') as HTMLParagraphElement;
  const show = () => {
    const q = input.value.trim();
    const hits = q ? search(index, q) : [];
    list.replaceChildren(
      ...hits.map(({ doc }) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = doc.url;
        a.textContent = `${doc.code} ${doc.title}`;
        const topic = document.createElement('span');
        topic.className = 'topic';
        topic.textContent = doc.topic;
        const p = document.createElement('p');
        p.textContent = doc.summary;
        li.append(a, ' ', topic, p);
        return li;
      }),
    );
    status.textContent = !q ? 'Type to search every rule and doctor page.' : hits.length === 0 ? `No page has all of: ${q}` : `${hits.length} page${hits.length === 1 ? '' : 's'} for: ${q}`;
    try {
      const url = new URL(location.href);
      if (q) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    } catch {
      // Some browsers refuse to rewrite a file: address; the results are shown all the same.
    }
  };
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  input.addEventListener('input', show);
  show();
}
