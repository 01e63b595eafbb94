/**
 * What pytest collects by its defaults, and what the project's test runs hold: a test module
 * (`test_*.py`, `*_test.py`), a `conftest.py`, or any file under a test folder (`tests/`, `test/`,
 * `testing/`, `test_x/`, `x_tests/`). One test for who-runs (what a bare `pytest` covers),
 * imports-reliant (a test's conftest.py) and the policy (`own-cli-test`).
 */
export function isTestPath(rel: string): boolean {
  const parts = rel.split(/[\\/]/);
  const base = parts[parts.length - 1];
  return /^test_.*\.py$|_test\.py$|^conftest\.py$/.test(base) || parts.slice(0, -1).some((d) => /^(?:tests?|testing)$|^test_|_tests?$/.test(d));
}
