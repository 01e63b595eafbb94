/**
 * The folders the shell model stands in for when a file does not say where they are: a script's
 * start folder, make's `$(CURDIR)`, cron's HOME, Jenkins' workspace (`/__start_dir__`,
 * `/__make_curdir__`, `/__cron_home__`, `/__jenkins_workspace__` …), and the CI checkouts
 * (GitHub's workspace, GitLab's project folder). Messages and fixes show paths relative to them,
 * and never show the stand-in itself.
 */
const ROOTS = String.raw`(?:\/__[a-z_]+__|\/github\/workspace|\/builds\/project)(?=\/|$)`;

/** A path that starts with a stand-in folder. */
export const STAND_IN_ROOT = new RegExp(`^${ROOTS}`);

/** A value (a command's word) that holds a stand-in folder: all of it, or after `=` or `:`. */
export const HOLDS_STAND_IN = new RegExp(`(?:^|[=:])${ROOTS}`);
