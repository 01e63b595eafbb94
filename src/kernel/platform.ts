/**
 * Facts about the programs that start Python processes, each with one home: the PATH a service
 * manager or a scheduler gives the commands it runs. Front ends (systemd units, crontabs) and the
 * environment doctor read the same values.
 */

/**
 * systemd's search path for a bare ExecStart= name, and the PATH its services start with: what
 * `systemd-path search-binaries-default` prints on Debian 12 (systemd 252). Builds for a merged
 * /usr drop the trailing `/sbin:/bin`, which changes no verdict: neither holds a venv.
 */
export const SYSTEMD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The PATH cron (Vixie/ISC cron, Debian's and most distributions') gives a job: crontab(5). */
export const CRON_PATH = '/usr/bin:/bin';
