/**
 * A lesson goal as data: one description from which the check (./goalChecks.ts), the words the
 * learner reads (./goalWords.ts) and the "Show goal" picture (./goalPicture.ts) are all derived,
 * so none of them can drift from the others. Being plain JSON, a goal travels to the engine's
 * worker, into a share link, and out of the lesson builder unchanged.
 *
 * Every goal is about what happened — objects, pods, endpoints, network verdicts, commands that
 * succeeded with the output the learner saw — never about what was typed.
 */
import type { Bilingual } from './types';

/** A label selector as kubectl takes it after `-l`: `app=web`, `tier!=db,app in (a,b)`. */
export type LabelSelectorText = string;

/** One test on a field of an object. `path` is dotted, with `[0]`, `[name=x]` and `["a.b/c"]` steps. */
export interface FieldTest {
  path: string;
  /** The value equals this (numbers and strings compared as the API stores them). */
  equals?: string | number | boolean;
  /** The field is set (true) — not undefined, null, false, '' or [] — or is not (false). */
  present?: boolean;
  /** A number at least/at most this; for a list, its length. */
  atLeast?: number;
  atMost?: number;
  /** The value, as text, matches this regular expression. */
  matches?: string;
}

/** Whatever goal: its own words replace the derived ones when `says` is given. */
interface Worded {
  says?: Bilingual;
}

/** Every listed goal is met. */
export interface AllGoal extends Worded {
  all: GoalSpec[];
}

/**
 * An object exists (or not, with `exists: false`) and its fields pass the tests. Without a name:
 * some object of that resource in the namespace passes them (an HPA for catalog, whatever its name).
 */
export interface ObjectGoal extends Worded {
  object: { resource: string; name?: string; namespace?: string; exists?: boolean; fields?: FieldTest[] };
}

/**
 * Pods selected by labels: exactly `count` of them Running and ready (0: none left at all), each
 * passing the optional tests below.
 */
export interface PodsGoal extends Worded {
  pods: {
    /** Which pods: those the selector matches, or the one pod of that name (one of the two). */
    selector?: LabelSelectorText;
    name?: string;
    namespace?: string;
    count: number;
    /** `count` is a minimum rather than an exact number. */
    atLeast?: boolean;
    /** None of them on this node. */
    notOn?: string;
    /** Every one on a node whose labels match. */
    onNodes?: LabelSelectorText;
    /** Some of them on a node whose name starts with this (a node the autoscaler added …). */
    someOnNodePrefix?: string;
    /** Spread over at least this many distinct nodes. */
    nodesAtLeast?: number;
    /** Each with this many containers ready. */
    containers?: number;
    /** Every container of each runs this image. */
    image?: string;
    /** At least one of them was created after the step began (a replacement). */
    newSinceStep?: boolean;
    /** Containers restarted at least this many times in total (a crash, a liveness probe). */
    restartsAtLeast?: number;
    /** Each container has run this many seconds without a restart. */
    steadyForSeconds?: number;
    /** Each mounts this claim. */
    claim?: string;
    /** Each has this priority (from its PriorityClass). */
    priority?: number;
    /** Fields each pod must pass (its spec, e.g. `spec.containers[0].resources.requests.cpu`). */
    fields?: FieldTest[];
    /** No pod of the selector (ready or not) is waiting with a reason matching this (ImagePull…). */
    noneWaiting?: string;
  };
}

/** A Deployment is rolled out: `ready` replicas wanted, updated and ready (or at least `readyAtLeast`). */
export interface DeploymentGoal extends Worded {
  deployment: { name: string; namespace?: string; ready?: number; readyAtLeast?: number; image?: string };
}

/** No Deployment of that name, and no pods labelled app=<name>. */
export interface DeploymentGoneGoal extends Worded {
  deploymentGone: { name: string; namespace?: string };
}

/** A Service has `ready` ready endpoints (all of them on `port`, when given). */
export interface EndpointsGoal extends Worded {
  endpoints: { service: string; namespace?: string; ready: number; port?: number };
}

/**
 * kubectl commands that succeeded since the step began (exit code 0; a request not answered with
 * an HTTP error): `matches` is tested against the command without `kubectl `, `output` against
 * what it printed. `exitCode` asks for another answer instead (`kubectl diff` exits 1 when it
 * found differences).
 */
export interface CommandGoal extends Worded {
  command: { matches: string; output?: string; times?: number; exitCode?: number };
}

/** A node's state: Ready (or not), cordoned (or not), stopped by the learner. */
export interface NodeGoal extends Worded {
  node: { name: string; ready?: boolean; cordoned?: boolean; stoppedByYou?: boolean };
}

/** How many nodes whose name starts with `prefix` exist. */
export interface NodeCountGoal extends Worded {
  nodeCount: { prefix: string; count: number };
}

/** A claim is Bound, mounted by a running pod of `usedBy`, and its volume holds `holds`. */
export interface ClaimGoal extends Worded {
  claim: { name: string; namespace?: string; usedBy?: LabelSelectorText; holds?: string };
}

/** RBAC's answer (as `kubectl auth can-i --as=user`): allowed, or not. */
export interface AccessGoal extends Worded {
  access: { user: string; verb: string; resource: string; namespace?: string; allowed: boolean };
}

/** The network plugin's verdict for every pod of `from` to every pod of `to` on a port. */
export interface TrafficGoal extends Worded {
  traffic: { from: LabelSelectorText; to: LabelSelectorText; namespace?: string; port: number; allowed: boolean };
}

/** A pod waits for a node, and the scheduler's message matches. */
export interface WaitingGoal extends Worded {
  waiting: { pod: string; namespace?: string; message: string };
}

/** An event with this reason was recorded (in the namespace), about an object of that kind. */
export interface EventGoal extends Worded {
  event: { reason: string; namespace?: string; kind?: string };
}

/** The learner picked this choice in the step's question. */
export interface AnswerGoal extends Worded {
  answer: number;
}

export type GoalSpec =
  | AllGoal
  | ObjectGoal
  | PodsGoal
  | DeploymentGoal
  | DeploymentGoneGoal
  | EndpointsGoal
  | CommandGoal
  | NodeGoal
  | NodeCountGoal
  | ClaimGoal
  | AccessGoal
  | TrafficGoal
  | WaitingGoal
  | EventGoal
  | AnswerGoal;

/** The goal kinds, each a key of exactly one variant: what the builder offers and the validator knows. */
export const GOAL_KINDS = ['all', 'object', 'pods', 'deployment', 'deploymentGone', 'endpoints', 'command', 'node', 'nodeCount', 'claim', 'access', 'traffic', 'waiting', 'event', 'answer'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** Which kind a goal is. */
export function goalKind(g: GoalSpec): GoalKind {
  for (const k of GOAL_KINDS) if (k in g) return k;
  throw new Error('not a goal');
}
