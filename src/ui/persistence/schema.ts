/**
 * What saved state and shared links may contain, checked as data (valibot) before anything is
 * rebuilt from it. Saved state comes back from storage written by an older or newer version, cut
 * short by a full disk, or edited by hand; a link can be written by anyone. A value that does not
 * fit is rejected as a whole (never half-used), and the bounds keep a replay finite: a link cannot
 * ask for a year of simulated time or a million nodes.
 */
import * as v from 'valibot';
import { DNS_SUBDOMAIN, FILE_NAME, INSTANT, looseNodeSpec } from '../../lessons/clusterShapeSchema';

/** Bounds on what is read back. The app never saves past them (they are far above a real session). */
export const LIMITS = {
  actions: 200_000,
  commandChars: 100_000,
  /** One file's text (what the app saves it must be able to read back: generous). */
  blobChars: 10_000_000,
  blobs: 2_000,
  files: 500,
  console: 200,
  consoleChars: 20_000,
  /** The cluster's own boot (simulated seconds before handing over; the engine's default is 300). */
  bootSeconds: 3_600,
  nodes: 200,
  /** Simulated time a saved session may cover: ample for days of a tab left running at ×16. */
  storedSeconds: 365 * 86_400,
  /** A shared link asks for much less: a long class (replaying 12 simulated hours takes ~25 s, in slices), not a month of replay on the victim's page. */
  sharedSeconds: 12 * 3_600,
};

const nodeSpec = looseNodeSpec;

export const optionsSchema = v.object({
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-2_147_483_648), v.maxValue(4_294_967_295))),
  workers: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.nodes))),
  nodes: v.optional(v.pipe(v.array(nodeSpec), v.maxLength(LIMITS.nodes))),
  bootSeconds: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(LIMITS.bootSeconds))),
  startTime: v.optional(INSTANT),
  minimal: v.optional(v.boolean()),
  metricsServer: v.optional(v.boolean()),
});

const nodeGroup = v.object({
  name: v.pipe(v.string(), v.regex(DNS_SUBDOMAIN)),
  min: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.nodes)),
  max: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.nodes)),
  cpu: v.optional(v.pipe(v.number(), v.minValue(0.1), v.maxValue(512))),
  memoryGi: v.optional(v.pipe(v.number(), v.minValue(0.1), v.maxValue(4096))),
  provisionSeconds: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(3600))),
});

const short = v.pipe(v.string(), v.maxLength(253));
const rps = v.pipe(v.number(), v.minValue(0), v.maxValue(100_000));
const trafficTarget = v.variant('kind', [
  v.object({ kind: v.literal('Service'), namespace: v.optional(short), name: short }),
  v.object({ kind: v.literal('NodePort'), node: short, port: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65_535)) }),
  v.object({ kind: v.literal('LoadBalancer'), ip: short, port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65_535))) }),
  v.object({ kind: v.literal('Ingress'), host: short, path: v.optional(v.pipe(v.string(), v.maxLength(2048))) }),
]);

/** Milliseconds since the previous action (the first: since the cluster's start). */
const header = v.pipe(v.string(), v.maxLength(1024));
const apiRequest = v.object({
  method: v.picklist(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: v.pipe(v.string(), v.maxLength(2048), v.startsWith('/')),
  query: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.commandChars))),
  accept: v.optional(header),
  contentType: v.optional(header),
  body: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.blobChars))),
  userAgent: v.optional(header),
});
const delta = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.storedSeconds * 1000));
const blobRef = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.blobs - 1));

/** Actions as stored: `d` is the time since the previous one; file contents are references into the blob table. */
export const packedActionSchema = v.variant('type', [
  v.object({ type: v.literal('kubectl'), d: delta, command: v.pipe(v.string(), v.maxLength(LIMITS.commandChars)), stdin: v.optional(blobRef), files: v.optional(v.pipe(v.array(v.tuple([v.pipe(v.string(), v.regex(FILE_NAME)), blobRef])), v.maxLength(LIMITS.files))) }),
  v.object({ type: v.literal('advance'), d: delta, seconds: v.pipe(v.number(), v.minValue(0), v.maxValue(LIMITS.storedSeconds)) }),
  v.object({ type: v.literal('stopNode'), d: delta, name: short }),
  v.object({ type: v.literal('startNode'), d: delta, name: short }),
  v.object({ type: v.literal('addNode'), d: delta, spec: nodeSpec }),
  v.object({ type: v.literal('removeNode'), d: delta, name: short }),
  v.object({ type: v.literal('startTraffic'), d: delta, target: trafficTarget, rps }),
  v.object({ type: v.literal('setTraffic'), d: delta, id: short, rps }),
  v.object({ type: v.literal('stopTraffic'), d: delta, id: short }),
  v.object({ type: v.literal('enableClusterAutoscaler'), d: delta, group: nodeGroup }),
  // A request a real client sent to `npm run serve` (a served session shared or saved as a file).
  v.object({ type: v.literal('api'), d: delta, request: apiRequest }),
]);

const consoleEntry = v.object({
  command: v.pipe(v.string(), v.maxLength(LIMITS.commandChars)),
  stdout: v.pipe(v.string(), v.maxLength(LIMITS.consoleChars)),
  stderr: v.pipe(v.string(), v.maxLength(LIMITS.consoleChars)),
  exitCode: v.pipe(v.number(), v.integer()),
  kind: v.optional(v.literal('note')),
});

/** The stored and shared form of a session (format 2). */
export const packedSchema = v.object({
  format: v.literal(2),
  options: optionsSchema,
  /** The first action's time (later ones count from the one before). */
  start: INSTANT,
  blobs: v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.blobChars))), v.maxLength(LIMITS.blobs)),
  actions: v.pipe(v.array(packedActionSchema), v.maxLength(LIMITS.actions)),
  files: v.pipe(v.array(v.tuple([v.pipe(v.string(), v.regex(FILE_NAME)), blobRef])), v.maxLength(LIMITS.files)),
  console: v.optional(v.pipe(v.array(consoleEntry), v.maxLength(LIMITS.console))),
});

export type PackedSession = v.InferOutput<typeof packedSchema>;
export type PackedAction = v.InferOutput<typeof packedActionSchema>;

/** Format 1 (before blobs): every kubectl action carried a full copy of every editor file. */
export const legacySchema = v.object({
  version: v.literal(1),
  options: optionsSchema,
  actions: v.pipe(
    v.array(
      v.looseObject({
        type: v.picklist(['kubectl', 'advance', 'stopNode', 'startNode', 'addNode', 'removeNode', 'startTraffic', 'setTraffic', 'stopTraffic', 'enableClusterAutoscaler']),
        at: INSTANT,
      }),
    ),
    v.maxLength(LIMITS.actions),
  ),
  files: v.pipe(v.array(v.object({ name: v.pipe(v.string(), v.regex(FILE_NAME)), content: v.pipe(v.string(), v.maxLength(LIMITS.blobChars)) })), v.maxLength(LIMITS.files)),
});

export { v };
