/** What a kubectl verb works with: the API server, its parsed arguments and the streams it writes. */
import type { ApiServer } from '../api/server';
import type { ObjectStore } from '../api/store';
import type { UserInfo } from '../api/auth/user';
import type { Rng } from '../sim/rng';
import type { ParsedArgs } from './args';
import { contextNamespace } from './kubeconfig';

/**
 * What kubectl talks to: the API server alone, as real kubectl does — objects, events and the
 * subresources it proxies (logs, exec, metrics). `store` is the API server's own read cache
 * (a GET or LIST without the round trip); `now` is the clock kubectl's ages are computed from.
 */
export interface KubectlServer {
  readonly api: ApiServer;
  readonly store: ObjectStore;
  /** Who the requests are (`--as`); the cluster's admin when absent. */
  readonly user?: UserInfo;
  /**
   * Who this client authenticates as, when not the admin: kubectl inside a pod presents its
   * ServiceAccount's token. Its requests are authorized as that user (../cluster/podKubectl.ts).
   */
  readonly identity?: UserInfo;
  /** The namespace commands without -n use, when not the kubeconfig's (in a pod: the pod's own). */
  readonly defaultNamespace?: string;
  /** A GET of any API path, answered by the API server's REST layer (`kubectl get --raw`); absent where a client cannot send one. */
  rawGet?(path: string, query?: string): { status: number; contentType: string; body: unknown };
  /** Random names and tokens the server would make (TokenRequest). */
  readonly rng: Rng;
  now(): number;
  /**
   * Lets simulated time pass while a command blocks (kubectl wait): until `done` holds or
   * `timeoutMs` have passed; true when it held. Not recorded as time of its own: replaying the
   * command waits the same.
   */
  waitFor(done: () => boolean, timeoutMs: number): boolean;
}

export interface KubectlResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The command keeps printing to the stream it was given (get -w) until that stream is stopped. */
  streaming?: true;
  /** Files the command wrote on the learner's side (kubectl cp out of a container), by name. */
  localFiles?: Record<string, string>;
}

/** Where a command that keeps running (get -w) writes what it prints later, until the caller stops it (Ctrl+C). */
export interface OutputStream {
  write(text: string): void;
  /** What to undo when the caller stops the command. */
  onStop(stop: () => void): void;
}

export interface VerbContext {
  cluster: KubectlServer;
  verb: string;
  args: ParsedArgs;
  stdin?: string;
  files: Record<string, string>;
  /** Local files the command writes (kubectl cp POD:PATH FILE). */
  localFiles?: Record<string, string>;
  out: string[];
  err: string[];
  /** Set when some part failed but others went on (kubectl exits 1 at the end). */
  failed: boolean;
  /** Given by an interactive caller: a watching command keeps writing here. */
  stream?: OutputStream;
}

export function namespaceOf(ctx: VerbContext): string {
  const n = ctx.args.flags.get('namespace');
  // Without -n, the current context's namespace (kubectl config set-context --current --namespace=…).
  return typeof n === 'string' && n ? n : (ctx.cluster.defaultNamespace ?? contextNamespace(ctx.cluster.store));
}
