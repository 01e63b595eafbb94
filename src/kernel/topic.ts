/**
 * The topics the docs site groups pages by. Each rule (src/rules/*.ts, `topic`) and each doctor
 * code's page (src/env/pages, `topic`) names its own; this module only says what the topics are,
 * in the order the site's index lists them.
 */

export const TOPICS = {
  interpreters: {
    title: 'Interpreters and PATH',
    blurb: 'Which interpreter a name, a path or a venv really starts, and what decides its sys.path.',
  },
  pip: {
    title: 'pip',
    blurb: 'Which environment an install lands in, and what redirects it.',
  },
  'console-scripts': {
    title: 'Console scripts',
    blurb: 'Programs a package installs (black, pytest, gunicorn …): which copy runs, and on which interpreter.',
  },
  activation: {
    title: 'Activation in CI and containers',
    blurb: 'What activate changes, what outlives a RUN line, a CI step or a shell, and what VIRTUAL_ENV does not do.',
  },
  services: {
    title: 'Services, cron and minimal environments',
    blurb: 'systemd, cron and children started with a fresh environment: the PATH they really get.',
  },
} as const satisfies Record<string, { title: string; blurb: string }>;

export type Topic = keyof typeof TOPICS;
