/** What a kubectl verb works with: the cluster, its parsed arguments and the streams it writes. */
import type { Cluster } from '../cluster/cluster';
import type { ParsedArgs } from './args';

export interface KubectlResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface VerbContext {
  cluster: Cluster;
  verb: string;
  args: ParsedArgs;
  stdin?: string;
  files: Record<string, string>;
  out: string[];
  err: string[];
  /** Set when some part failed but others went on (kubectl exits 1 at the end). */
  failed: boolean;
}

export function namespaceOf(ctx: VerbContext): string {
  const n = ctx.args.flags.get('namespace');
  return typeof n === 'string' && n ? n : 'default';
}
