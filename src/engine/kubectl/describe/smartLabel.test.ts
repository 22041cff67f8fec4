import { describe, expect, it } from 'vitest';
import { smartLabel } from './core';

describe("smartLabelFor, the generic describer's field names", () => {
  it.each([
    ['apiVersion', 'API Version'],
    ['creationTimestamp', 'Creation Timestamp'],
    ['uid', 'UID'],
    ['ingressClassName', 'Ingress Class Name'],
    ['podIPs', 'Pod I Ps'],
    ['podIP', 'Pod IP'],
    ['holderIdentity', 'Holder Identity'],
    ['kind', 'Kind'],
    ['ipv4', 'ipv4'],
    ['app.kubernetes.io/name', 'app.kubernetes.io/name'],
    ['self-link', 'Self - Link'],
  ])('%s → %s', (field, label) => expect(smartLabel(field)).toBe(label));
});
