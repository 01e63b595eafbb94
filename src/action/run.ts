/** Bundled to action/run.js and loaded by the bootstrap once the dependencies are in place. */
import { runAction } from './main.js';

process.exitCode = await runAction();
