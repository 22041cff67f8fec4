/**
 * The pieces of a cluster's shape as data arrives with it — node names, labels, taints, file
 * names, instants — checked the same way wherever a cluster is rebuilt from data: a saved session
 * (../ui/persistence/schema.ts, lenient about unknown keys so an older or newer save still reads)
 * and a lesson's scenario (./scenarioValidation.ts, strict: a shared file gets no slack).
 */
import * as v from 'valibot';

/** A Kubernetes name as nodes use it (RFC 1123 subdomain, as the API server validates node names). */
export const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Label keys and values (apimachinery validation.IsQualifiedName / IsValidLabelValue). */
export const LABEL_KEY = /^(([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
export const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
/** The editor's file names. */
export const FILE_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** Simulated instants: a date `Date` can print (year 2000 … 2200), in whole milliseconds. */
export const INSTANT = v.pipe(v.number(), v.integer(), v.minValue(946_684_800_000), v.maxValue(7_258_118_400_000));

export const labelsSchema = v.pipe(
  v.record(v.pipe(v.string(), v.regex(LABEL_KEY), v.maxLength(316)), v.pipe(v.string(), v.regex(LABEL_VALUE))),
  v.check((r) => Object.keys(r).length <= 64),
);

const taintEntries = { key: v.pipe(v.string(), v.regex(LABEL_KEY)), value: v.optional(v.pipe(v.string(), v.regex(LABEL_VALUE))), effect: v.picklist(['NoSchedule', 'PreferNoSchedule', 'NoExecute']) };

function nodeSpecEntries<T extends v.GenericSchema>(taint: T) {
  return {
    name: v.pipe(v.string(), v.regex(DNS_SUBDOMAIN)),
    role: v.optional(v.picklist(['control-plane', 'worker'])),
    cpu: v.optional(v.pipe(v.number(), v.minValue(0.1), v.maxValue(512))),
    memoryGi: v.optional(v.pipe(v.number(), v.minValue(0.1), v.maxValue(4096))),
    pods: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
    labels: v.optional(labelsSchema),
    taints: v.optional(v.pipe(v.array(taint), v.maxLength(32))),
  };
}

/** A node's spec (the engine's NodeSpec), refusing keys it does not know (shared files). */
export const strictNodeSpec = v.strictObject(nodeSpecEntries(v.strictObject(taintEntries)));
/** The same, letting unknown keys pass (a session saved by another version). */
export const looseNodeSpec = v.object(nodeSpecEntries(v.object(taintEntries)));
