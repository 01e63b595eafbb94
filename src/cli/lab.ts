/**
 * `venvguard lab`: run rule pages' examples for real and check them against the pages' claims.
 * Exit codes: 0 every output agrees with its page; 1 some output disagrees (the claim and the
 * output are named); 2 bad input — an unknown code, a `--python` that is not a Python 3
 * interpreter, or one that cannot create a venv (no ensurepip). No temporary venv is left behind.
 */
import { UsageError } from '../kernel/errors.js';
import { EXIT } from './exit.js';

export interface LabCommand {
  codes: string[];
  all: boolean;
  pythons: string[];
  format: 'text' | 'json';
}

export async function runLabCommand(o: LabCommand): Promise<number> {
  const [{ RULES, ruleByCodeOrName }, lab, page] = await Promise.all([import('../rules/index.js'), import('../lab/lab.js'), import('../lab/page.js')]);
  if (o.all && o.codes.length) throw new UsageError('give rule codes or --all, not both');
  if (!o.all && !o.codes.length) throw new UsageError('missing rule code: venvguard lab CODE… (or --all)');
  const rules = o.all ? RULES : o.codes.map((c) => {
    const r = ruleByCodeOrName(c.trim()) ?? RULES.find((x) => x.name === c.trim().toLowerCase());
    if (!r) throw new UsageError(`unknown rule '${c}': \`venvguard rules\` lists the codes (VG101…) and names`);
    return r;
  });
  let transcripts;
  try {
    transcripts = await lab.runLabs(rules, { pythons: o.pythons, onRule: o.format === 'text' && process.stderr.isTTY ? (c) => process.stderr.write(`lab: ${c}…\n`) : undefined });
  } catch (e) {
    if (e instanceof lab.InterpreterError) throw new UsageError(e.message);
    throw e;
  }
  process.stdout.write(o.format === 'json' ? JSON.stringify(transcripts, null, 2) + '\n' : page.renderLabText(transcripts));
  return transcripts.every((t) => t.ok) ? EXIT.clean : EXIT.findings;
}
