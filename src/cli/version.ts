import { ownPackage as packageFrom } from '../kernel/own-package.js';

/** venvguard's package.json, found upwards from this module (the tsc output and the bundle sit at different depths). */
export function ownPackage(): { version: string } {
  return packageFrom(import.meta.url);
}
