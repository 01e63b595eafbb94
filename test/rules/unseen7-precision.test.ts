/**
 * Issue 15, session 18: findings of the unseen7 batch reviewed as false, each with the near case
 * that is still an escape.
 */
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule } from '../rule-tester.js';

// OctoPrint-OctoEverywhere's install.sh: one branch runs the virtualenv command, the other
// virtualenv's module file with the system interpreter; both create the venv.
const OCTO = (other: string) =>
  `#!/bin/bash\nOE_ENV="\${HOME}/octoeverywhere-env"\nif [[ -f /opt/bin/python3 ]]\nthen\n    /opt/bin/virtualenv -p /opt/bin/python3 --system-site-packages "\${OE_ENV}"\nelse\n    ${other}\nfi\n"\${OE_ENV}"/bin/pip3 install -r requirements.txt\n`;

testRule(venvNotOnPath, {
  label: 'unseen7: a venv made by virtualenv.py or virtualenv.pyz',
  valid: [
    { name: 'OctoEverywhere: python3 …/virtualenv.py creates the venv', filename: 'install.sh', code: OCTO('python3 /usr/lib/python3.8/site-packages/virtualenv.py -p /usr/bin/python3 --system-site-packages "${OE_ENV}"') },
    { name: 'the zip app', filename: 'install.sh', code: OCTO('python3 virtualenv.pyz "${OE_ENV}"') },
  ],
  invalid: [
    {
      name: 'after virtualenv.py made it, a script of another name run by python3 is a launch by name while the venv exists',
      filename: 'install.sh',
      code: '#!/bin/bash\npython3 /usr/lib/python3.8/site-packages/virtualenv.py -p /usr/bin/python3 env\npython3 tools/setup_env.py\n',
      errors: [{ line: 3, column: 1, messageId: 'notOnPath', data: { name: 'python3', venv: 'env' } }],
    },
  ],
});
