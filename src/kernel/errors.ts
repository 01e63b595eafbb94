/** Errors the CLI reports as the user's (exit 2, no stack trace). Kept tiny: the CLI loads it eagerly. */

/** A bad command line: unknown rule, bad option value. */
export class UsageError extends Error {}

/** A bad `[tool.venvguard]` table or unreadable pyproject.toml. */
export class ConfigError extends Error {}
