/** `venvguard doctor` once its options are known: one function for the commander program and the entry point's fast path. */
import { EXIT } from './exit.js';

export interface DoctorCommand {
  python?: string;
  static: boolean;
  format: 'text' | 'json';
}

export async function runDoctor(o: DoctorCommand): Promise<void> {
  const [{ inspectEnvironment }, { renderDoctorJson, renderDoctorText }] = await Promise.all([import('../env/doctor.js'), import('../env/render.js')]);
  const report = await inspectEnvironment({ python: o.python, static: o.static });
  process.stdout.write(o.format === 'json' ? renderDoctorJson(report) : renderDoctorText(report));
  process.exitCode = report.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.clean;
}
