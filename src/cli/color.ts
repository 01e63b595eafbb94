/**
 * Whether to colour the report, by the conventions Node itself follows: `--color always|never`
 * decides when given; otherwise `FORCE_COLOR` (0 or false: off; 1, 2, 3 or true: on) wins over
 * `NO_COLOR` (any non-empty value: off), as in Node itself, and without either, colour is on for a
 * terminal that is not `TERM=dumb`. An empty variable counts as unset (`FORCE_COLOR=` clears it).
 */
export type ColorWhen = 'auto' | 'always' | 'never';

export const COLOR_CHOICES: readonly ColorWhen[] = ['auto', 'always', 'never'];

export function colorWanted(when: ColorWhen, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (when === 'always') return true;
  if (when === 'never') return false;
  const force = env.FORCE_COLOR?.trim().toLowerCase();
  if (force) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}
