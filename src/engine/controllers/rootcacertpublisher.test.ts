import { describe, expect, it } from 'vitest';
import { k, newCluster, rows } from '../testing/helpers';

describe('root CA publisher', () => {
  it('puts kube-root-ca.crt in every namespace and brings it back when deleted', () => {
    const c = newCluster();
    c.advance(1);
    expect(rows(k(c, 'get configmaps')).map((r) => r.slice(0, 2))).toEqual([['kube-root-ca.crt', '1']]);
    expect(k(c, 'get cm -n kube-system')).toContain('kube-root-ca.crt');
    k(c, 'create namespace team');
    c.advance(1);
    expect(k(c, "get cm kube-root-ca.crt -n team -o jsonpath='{.data.ca\\.crt}'")).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);
    k(c, 'delete cm kube-root-ca.crt -n team');
    c.advance(1);
    expect(rows(k(c, 'get cm -n team')).map((r) => r[0])).toEqual(['kube-root-ca.crt']);
  });
});
