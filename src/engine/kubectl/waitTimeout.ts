/**
 * `--timeout` of the commands that block while the simulated clock runs (wait, rollout status,
 * delete): read as kubectl reads it (a Go duration), and bounded, because the simulator lets its
 * clock run at most an hour inside one command.
 */
import { parseGoDuration } from '../util/cron';
import { KubectlError, str } from './args';
import type { VerbContext } from './context';

/** The longest a blocking command lets the simulated clock run. */
export const MAX_BLOCKING_MS = 3_600_000;

/** The flag's value in ms (`fallback` when absent), or kubectl's error for one it cannot read; `usage` names the help to see. */
export function timeoutFlag(ctx: VerbContext, fallback: string, usage: string): number {
  const text = str(ctx.args, 'timeout') ?? fallback;
  try {
    return parseGoDuration(text);
  } catch (e) {
    throw new KubectlError(`error: invalid argument "${text}" for "--timeout" flag: ${(e as Error).message}\nSee 'kubectl ${usage} --help' for usage.`);
  }
}

/** A timeout where 0 or less means "for ever" (rollout status, delete), within the simulator's bound. */
export function foreverTimeout(ctx: VerbContext, usage: string): number {
  const ms = timeoutFlag(ctx, '0s', usage);
  return ms <= 0 || ms > MAX_BLOCKING_MS ? MAX_BLOCKING_MS : ms;
}
