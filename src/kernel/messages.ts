/**
 * Messages by id (ESLint's `meta.messages` + `messageId`): a rule declares its message templates,
 * `"{{name}}" runs from PATH …`, and reports an id with the data that fills them. The types make
 * an id the rule did not declare, or a placeholder left without data, a compile error; the diagnose
 * stage fills the template, and tests assert the id and the data instead of the wording.
 */

/** A rule's messages: id → template with `{{placeholder}}`s. */
export type MessageTemplates = Readonly<Record<string, string>>;

/** The placeholder names of a template literal type: `'a {{x}} b {{y}}'` → `'x' | 'y'`. */
export type Placeholders<T extends string> = T extends `${string}{{${infer K}}}${infer Rest}` ? K | Placeholders<Rest> : never;

/** The data a template needs: one value per placeholder, none for a template without any. */
export type MessageData<T extends string> = string extends T
  ? { data?: Readonly<Record<string, string | number>> }
  : [Placeholders<T>] extends [never]
    ? { data?: Readonly<Record<string, never>> }
    : { data: { readonly [K in Placeholders<T>]: string | number } };

/** One of the rule's own message ids, with the data its template needs. */
export type MessageRef<M extends MessageTemplates> = { [K in keyof M & string]: { messageId: K } & MessageData<M[K]> }[keyof M & string];

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The placeholder names of a template, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Fill a template in one pass (a value that itself holds `{{…}}` stays as it is); a placeholder
 * without data is left unfilled, as ESLint does, for the tests to catch.
 */
export function fillMessage(template: string, data: Readonly<Record<string, string>> = {}): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => (Object.hasOwn(data, key) ? data[key] : whole));
}

/**
 * A template's two halves: what is wrong, and what to do about it. The remedy is what follows the
 * template's last `; ` (placeholders may hold `; ` themselves: the split is on the template, before
 * filling). The concise report prints the problem; the full report prints the remedy once, as help.
 */
export function splitTemplate(template: string): { problem: string; remedy?: string } {
  const at = template.lastIndexOf('; ');
  return at < 0 ? { problem: template } : { problem: template.slice(0, at), remedy: template.slice(at + 2) };
}
