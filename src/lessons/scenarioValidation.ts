/**
 * Reading a lesson's starting scenario from data anyone can hand us (a share link, a lesson
 * file): the cluster's shape, and either the built-in form (manifests applied, time let run) or
 * the recorded form of an authored lesson — the engine's action log as the author's sandbox
 * wrote it. Every action is replayed into the engine, so each is checked for its type, its
 * fields and its size first (valibot), and the whole log for order and length: a link must not
 * ask for a million nodes or a year of simulated time. An action that fits but names something
 * the cluster does not have (`stopNode` of a node never made) is refused by the engine itself
 * when the lesson starts: it throws, and the lesson does not open.
 */
import * as v from 'valibot';
import type { Action, ClusterOptions } from '../engine/port';
import { DEFAULT_START } from '../engine/port/constants';
import { LessonDataError } from './goalValidation';
import { DNS_SUBDOMAIN, FILE_NAME, INSTANT, strictNodeSpec } from './clusterShapeSchema';
import type { Lesson } from './types';

export const SCENARIO_LIMITS = {
  actions: 5_000,
  commandChars: 4_000,
  /** A manifest, a file read by `-f`, or what a command reads from stdin. */
  textChars: 200_000,
  files: 20,
  manifests: 50,
  nodes: 50,
  /** Simulated time the scenario may cover (replayed on the learner's page before the lesson starts). */
  seconds: 6 * 3_600,
};

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const short = text(253);
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

const nodeSpec = strictNodeSpec;

const clusterOptions = v.strictObject({
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-2_147_483_648), v.maxValue(4_294_967_295))),
  workers: v.optional(count(SCENARIO_LIMITS.nodes)),
  nodes: v.optional(v.pipe(v.array(nodeSpec), v.maxLength(SCENARIO_LIMITS.nodes))),
  bootSeconds: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(3_600))),
  startTime: v.optional(INSTANT),
  minimal: v.optional(v.boolean()),
  metricsServer: v.optional(v.boolean()),
});

const nodeGroup = v.strictObject({
  name: v.pipe(v.string(), v.regex(DNS_SUBDOMAIN)),
  min: count(SCENARIO_LIMITS.nodes),
  max: count(SCENARIO_LIMITS.nodes),
  cpu: v.optional(v.pipe(v.number(), v.minValue(0.1), v.maxValue(512))),
  memoryGi: v.optional(v.pipe(v.number(), v.minValue(0.1), v.maxValue(4096))),
  provisionSeconds: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(3600))),
});

const rps = v.pipe(v.number(), v.minValue(0), v.maxValue(100_000));
const port = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65_535));
const trafficTarget = v.variant('kind', [
  v.strictObject({ kind: v.literal('Service'), namespace: v.optional(short), name: short }),
  v.strictObject({ kind: v.literal('NodePort'), node: short, port }),
  v.strictObject({ kind: v.literal('LoadBalancer'), ip: short, port: v.optional(port) }),
  v.strictObject({ kind: v.literal('Ingress'), host: short, path: v.optional(text(2048)) }),
]);

/** Files a command read with `-f`, by name; checked apart (below) so the record has no prototype. */
const files = v.pipe(
  v.record(v.pipe(v.string(), v.regex(FILE_NAME)), text(SCENARIO_LIMITS.textChars)),
  v.check((r) => Object.keys(r).length <= SCENARIO_LIMITS.files),
);

/** The actions a sandbox records (a real client's `api` requests belong to `npm run serve`, not to lessons). */
const action = v.variant('type', [
  v.strictObject({ type: v.literal('kubectl'), at: INSTANT, command: text(SCENARIO_LIMITS.commandChars), stdin: v.optional(text(SCENARIO_LIMITS.textChars)), files: v.optional(files) }),
  v.strictObject({ type: v.literal('advance'), at: INSTANT, seconds: v.pipe(v.number(), v.minValue(0), v.maxValue(SCENARIO_LIMITS.seconds)) }),
  v.strictObject({ type: v.literal('stopNode'), at: INSTANT, name: short }),
  v.strictObject({ type: v.literal('startNode'), at: INSTANT, name: short }),
  v.strictObject({ type: v.literal('addNode'), at: INSTANT, spec: nodeSpec }),
  v.strictObject({ type: v.literal('removeNode'), at: INSTANT, name: short }),
  v.strictObject({ type: v.literal('startTraffic'), at: INSTANT, target: trafficTarget, rps }),
  v.strictObject({ type: v.literal('setTraffic'), at: INSTANT, id: short, rps }),
  v.strictObject({ type: v.literal('stopTraffic'), at: INSTANT, id: short }),
  v.strictObject({ type: v.literal('enableClusterAutoscaler'), at: INSTANT, group: nodeGroup }),
]);

const scenario = v.strictObject({
  cluster: clusterOptions,
  clusterAutoscaler: v.optional(nodeGroup),
  apply: v.optional(v.pipe(v.array(v.union([text(SCENARIO_LIMITS.textChars), v.strictObject({ advanceSeconds: v.pipe(v.number(), v.minValue(0), v.maxValue(3_600)) })])), v.maxLength(SCENARIO_LIMITS.manifests))),
  advanceSeconds: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(3_600))),
  actions: v.optional(v.pipe(v.array(action), v.maxLength(SCENARIO_LIMITS.actions))),
});

/** Where a valibot issue is, as a path like `scenario.actions[3].name`. */
function issuePlace(where: string, issue: v.BaseIssue<unknown>): string {
  let out = where;
  for (const item of issue.path ?? []) out += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  return out;
}

const fail = (where: string, en: string, ko: string): never => {
  throw new LessonDataError(where, { en, ko });
};

/** A lesson's starting scenario from untrusted data: a fresh, checked copy, or a LessonDataError. */
export function parseScenario(value: unknown, where = 'scenario'): Lesson['scenario'] {
  const parsed = v.safeParse(scenario, value);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return fail(issuePlace(where, issue), `is not what a scenario takes here (${issue.expected ?? issue.kind}, got ${issue.received})`, `시나리오의 이 자리에 올 수 없는 값입니다(${issue.expected ?? issue.kind} 필요, ${issue.received} 받음)`);
  }
  const s = parsed.output;
  if (s.clusterAutoscaler && s.clusterAutoscaler.min > s.clusterAutoscaler.max) fail(`${where}.clusterAutoscaler`, 'has min above max', 'min이 max보다 큽니다');
  const out: Lesson['scenario'] = { cluster: s.cluster as ClusterOptions };
  if (s.clusterAutoscaler) out.clusterAutoscaler = s.clusterAutoscaler;
  if (s.apply) out.apply = s.apply;
  if (s.advanceSeconds !== undefined) out.advanceSeconds = s.advanceSeconds;
  if (s.actions) {
    if (s.apply || s.advanceSeconds !== undefined || s.clusterAutoscaler) fail(where, 'has both a recorded action log and manifests to apply: give one or the other', '기록된 액션 로그와 적용할 매니페스트가 함께 있습니다. 둘 중 하나만 주세요');
    out.actions = checkedLog(s.actions as Action[], s.cluster.startTime ?? DEFAULT_START, `${where}.actions`);
  }
  return out;
}

/** The log in order, within its cluster's lifetime and the time bound; files as records with no prototype. */
function checkedLog(actions: Action[], start: number, where: string): Action[] {
  let prev = start;
  let end = start;
  return actions.map((a, i) => {
    if (a.at < prev) fail(`${where}[${i}].at`, 'is earlier than the action before it (the log must be in order, after the cluster starts)', '앞 액션보다 이릅니다(로그는 시간 순서여야 하고, 클러스터 시작 이후여야 합니다)');
    prev = a.at;
    end = Math.max(end, a.type === 'advance' ? a.at + a.seconds * 1000 : a.at);
    if ((end - start) / 1000 > SCENARIO_LIMITS.seconds) fail(`${where}[${i}]`, `takes the scenario past ${SCENARIO_LIMITS.seconds / 3600} hours of simulated time`, `시나리오를 시뮬레이션 시간 ${SCENARIO_LIMITS.seconds / 3600}시간 넘게 늘립니다`);
    if (a.type !== 'kubectl' || !a.files) return a;
    const record: Record<string, string> = Object.create(null);
    for (const [name, content] of Object.entries(a.files)) Object.defineProperty(record, name, { value: content, enumerable: true, writable: true, configurable: true });
    return { ...a, files: record };
  });
}
