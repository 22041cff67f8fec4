import { describe, expect, it } from 'vitest';
import { newCluster, kFail, k } from '../../testing/helpers';

const c = newCluster({ minimal: true, bootSeconds: 0 });

const policy = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p}
spec:
${spec}`;

describe('NetworkPolicy validation and defaulting as the API server does them', () => {
  it('defaults policyTypes from the rules present and a port protocol to TCP', () => {
    k(c, 'apply -f -', policy('  podSelector: {}\n  egress: [{ports: [{port: 53}]}]\n'));
    expect(JSON.parse(k(c, 'get netpol p -o json')).spec).toEqual({ podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }], policyTypes: ['Ingress', 'Egress'] });
    k(c, 'delete netpol p');
    k(c, 'apply -f -', policy('  ingress: [{}]\n'));
    expect(JSON.parse(k(c, 'get netpol p -o json')).spec).toEqual({ podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] });
    k(c, 'delete netpol p');
  });

  it('ipBlock: a CIDR, excepts strictly inside it; the first unparsable except ends the check', () => {
    expect(kFail(c, 'apply -f -', policy('  podSelector: {}\n  ingress: [{from: [{ipBlock: {cidr: 10.0.0.0}}, {ipBlock: {cidr: ""}}]}]\n'))).toBe(
      'The NetworkPolicy "p" is invalid: \n* spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0": not a valid CIDR\n* spec.ingress[0].from[1].ipBlock.cidr: Required value\n',
    );
    expect(kFail(c, 'apply -f -', policy('  podSelector: {}\n  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.0/16, 10.1.0.0/24, bad, 10.0.1.0/24]}}]}]\n'))).toBe(
      'The NetworkPolicy "p" is invalid: \n' +
        '* spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.0.0.0/16": must be a strict subset of `cidr`\n' +
        '* spec.egress[0].to[0].ipBlock.except[1]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`\n' +
        '* spec.egress[0].to[0].ipBlock.except[2]: Invalid value: "bad": not a valid CIDR\n',
    );
    k(c, 'apply -f -', policy('  podSelector: {}\n  ingress: [{from: [{ipBlock: {cidr: "::/0", except: ["fd00::/8"]}}]}]\n'));
    k(c, 'delete netpol p');
  });

  it('ports, peers, selectors and policyTypes', () => {
    expect(kFail(c, 'apply -f -', policy('  podSelector: {matchExpressions: [{key: app, operator: Exists, values: [x]}, {key: "-bad", operator: Near}]}\n  ingress: [{from: [{}], ports: [{endPort: 90}, {port: 90, endPort: 80}, {port: "8080"}]}]\n'))).toBe(
      'The NetworkPolicy "p" is invalid: \n' +
        "* spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'\n" +
        '* spec.podSelector.matchExpressions[1].operator: Invalid value: "Near": not a valid selector operator\n' +
        "* spec.podSelector.matchExpressions[1].key: Invalid value: \"-bad\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n" +
        '* spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified\n' +
        '* spec.ingress[0].ports[1].endPort: Invalid value: 80: must be greater than or equal to `port`\n' +
        '* spec.ingress[0].ports[2].port: Invalid value: "8080": must contain at least one letter (a-z)\n' +
        '* spec.ingress[0].from[0]: Required value: must specify a peer\n',
    );
    expect(kFail(c, 'apply -f -', policy('  podSelector: {}\n  policyTypes: [Ingress, Egress, Ingress]\n'))).toBe(
      'The NetworkPolicy "p" is invalid: spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes\n',
    );
  });
});
