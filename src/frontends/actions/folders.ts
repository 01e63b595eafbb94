/**
 * The folders of a GitHub Actions runner as the Actions front end names them: stand-ins for the
 * workspace, $HOME, $RUNNER_TEMP and a composite action's own folder, and the rewrites that map
 * what a workflow writes (`$GITHUB_WORKSPACE`, `~`, the hosted runners' literal paths) onto them.
 */
/** Where the runner checks out the repository; venvs are kept as absolute paths under it. */
export const WS = '/github/workspace';
/**
 * Stand-ins for the runner's other folders that every step of a job shares: $HOME (and `~`) and
 * $RUNNER_TEMP (`${{ runner.temp }}`). Their real values differ between runners, so venvs under
 * them are shown through the variable and never rewritten as a path relative to the workspace.
 */
export const HOME = '/github/home';
export const RUNNER_TEMP = '/github/runner_temp';

/**
 * A composite action's own folder (`${{ github.action_path }}`, `$GITHUB_ACTION_PATH`): where its
 * action.yml is, wherever the workflow using it checked out (gh-action-pip-audit's steps run
 * `python "${{ github.action_path }}/action.py"`).
 */
export const ACTION_PATH = '/__github_action_path__';

/**
 * The hosted runners' own folders written out in an `env:` value (orjson's job-level `PATH:
 * "/Users/runner/work/orjson/orjson/.venv/bin:…"`): the workspace (`/home/runner/work/R/R` on
 * Linux, `/Users/runner/work/R/R` on macOS) and the home folder, as their stand-ins, so a venv
 * named there is the one the steps make in the workspace or under $HOME.
 */
export function runnerFolders(v: string): string {
  return v.replace(/(^|:)\/(?:home|Users)\/runner(?:\/work\/([^/:]+)\/\2(?=[/:]|$)|(?=[/:]|$))/g, (m, sep: string, repo: string | undefined) => sep + (repo !== undefined ? WS : HOME));
}

/** `$GITHUB_WORKSPACE`, `$HOME`, `$RUNNER_TEMP`, `~/` in a YAML value or a path (not seen by a shell there). */
export function substituteWs(s: string): string {
  return s
    .replace(/\$\{?GITHUB_WORKSPACE\}?/g, WS)
    .replace(/\$\{?HOME\}?(?![A-Za-z0-9_])/g, HOME)
    .replace(/^~(?=\/|$)/, HOME)
    .replace(/\$\{?RUNNER_TEMP\}?/g, RUNNER_TEMP);
}
