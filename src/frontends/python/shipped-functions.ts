/**
 * Functions a workflow framework ships to a container to run: Hera's `@script(image=…)` (an Argo
 * workflow step), Kubeflow Pipelines' `@dsl.component(base_image=…)`, Airflow's `@task.docker` and
 * `@task.kubernetes`. The framework sends the function's source (or its pickled code) to an image
 * of its own, where the image's Python is the one on PATH and no venv of this project exists: a
 * `pip` or `python` the body starts by name is that image's, as meant (hera's examples, reviewed
 * false in the corpus). `sys.executable` would name the image's interpreter too, so nothing is
 * gained; and a fix's `import sys` at the module's top would not travel with the function's body.
 */
import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './evaluate.js';
import { descendantAt, parentOf } from './ancestry.js';

/** Qualified decorator names, the framework and where the body runs, in words. */
const SHIPPING_DECORATORS: ReadonlyMap<string, string> = new Map([
  ['hera.workflows.script', "Hera's @script, which runs the function's body in its own container image (an Argo workflow step)"],
  ['hera.script', "Hera's @script, which runs the function's body in its own container image (an Argo workflow step)"],
  ['kfp.dsl.component', "Kubeflow Pipelines' @component, which runs the function in its own container image"],
  ['kfp.v2.dsl.component', "Kubeflow Pipelines' @component, which runs the function in its own container image"],
  ['kfp.components.create_component_from_func', "Kubeflow Pipelines' create_component_from_func, which runs the function in its own container image"],
  ['kfp.components.func_to_container_op', "Kubeflow Pipelines' func_to_container_op, which runs the function in its own container image"],
  ['airflow.decorators.task.docker', "Airflow's @task.docker, which runs the function in a Docker container"],
  ['airflow.decorators.task.kubernetes', "Airflow's @task.kubernetes, which runs the function in a Kubernetes pod"],
]);

/** What the decorator's expression names, qualified by the file's imports (`dsl.component(…)` → `kfp.dsl.component`). */
function qualifiedDecorator(mod: PythonModule, decorator: Node): string | undefined {
  let expr = decorator.namedChildren.find((c) => c?.type !== 'comment') ?? null;
  if (expr?.type === 'call') expr = expr.childForFieldName('function');
  if (!expr || !/^[A-Za-z_][\w.]*$/.test(expr.text)) return undefined;
  const [head, ...rest] = expr.text.split('.');
  const q = mod.imports.get(head);
  return q ? [q, ...rest].join('.') : undefined;
}

/** The frameworks' modules: a file importing none of them ships nothing. */
const FRAMEWORKS = /^(?:hera|kfp|airflow)(?:\.|$)/;

/**
 * The functions holding the launches at `offsets` (or around them) that a framework runs in its
 * container, with why in words (each function once).
 */
export function shippedFunctions(mod: PythonModule, root: Node, offsets: readonly number[]): { from: number; to: number; why: string }[] {
  if (![...mod.imports.values()].some((q) => FRAMEWORKS.test(q))) return [];
  const out: { from: number; to: number; why: string }[] = [];
  for (const at of offsets) {
    if (out.some((r) => r.from <= at && at < r.to)) continue;
    for (let n: Node | null = descendantAt(root, at, at + 1); n; n = parentOf(n)) {
      if (n.type !== 'function_definition') continue;
      const holder = parentOf(n);
      if (holder?.type !== 'decorated_definition') continue;
      const why = holder.namedChildren
        .filter((d): d is Node => d?.type === 'decorator')
        .map((d) => SHIPPING_DECORATORS.get(qualifiedDecorator(mod, d) ?? ''))
        .find((w) => w !== undefined);
      if (why) {
        out.push({ from: n.startIndex, to: n.endIndex, why: `${n.childForFieldName('name')?.text ?? 'the function'} is decorated with ${why}` });
        break;
      }
    }
  }
  return out;
}
