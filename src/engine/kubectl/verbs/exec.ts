/** kubectl exec POD [-c CONTAINER] -- COMMAND [ARGS…]: one command, no interactive shell. */
import { podsForTarget } from '../podTarget';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import type { VerbContext } from '../context';
import { defaultContainer } from '../podContainer';

export const EXEC_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
];

/** The pod exec reaches: the named one, or the first a workload or Service selects. */
function podFor(ctx: VerbContext, target: string) {
  const pods = podsForTarget(ctx, target);
  if (!pods.length) throw new KubectlError(`error: no pods found for ${target}`);
  return pods[0];
}

export function execCommand(ctx: VerbContext): void {
  const target = ctx.args.positionals[0];
  if (!target) throw new KubectlError("error: expected 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the exec command\nSee 'kubectl exec -h' for help and examples");
  const words = ctx.args.rest.length ? ctx.args.rest : ctx.args.positionals.slice(1);
  if (!words.length) throw new KubectlError("error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples");
  if (bool(ctx.args, 'stdin') && bool(ctx.args, 'tty') && ['sh', 'bash', 'ash', '/bin/sh', '/bin/bash'].includes(words[0]) && words.length === 1) {
    throw new KubectlError('error: interactive shells are not available in this simulator; run one command at a time, e.g. "kubectl exec POD -- env"');
  }
  const pod = podFor(ctx, target);
  let container = str(ctx.args, 'container');
  if (!container) {
    const chosen = defaultContainer(pod);
    container = chosen.name;
    if (chosen.notice && !bool(ctx.args, 'quiet')) ctx.err.push(chosen.notice);
  }
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`);
  const r = ctx.cluster.api.podExec(pod, container!, words);
  if ('unreachable' in r) throw new KubectlError(`error: unable to upgrade connection: pod does not exist`);
  if ('error' in r) throw new KubectlError(`error: ${r.error}`);
  if (r.stdout) ctx.out.push(r.stdout);
  if (r.stderr) ctx.err.push(r.stderr);
  // kubectl's own line for a command that failed (it exits with the same code).
  if (r.exitCode !== 0) {
    ctx.err.push(`command terminated with exit code ${r.exitCode}`);
    ctx.failed = true;
  }
}
