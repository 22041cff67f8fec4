import { describe, expect, it } from 'vitest';
import { execute, parseTemplate } from './jsonpathTemplate';
import { k, kFail, newCluster, NGINX_DEPLOYMENT } from '../../testing/helpers';

// The example object of the kubectl JSONPath reference page.
const DATA = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2' },
      status: { capacity: { cpu: '8' }, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.2' }, { type: 'another', address: '127.0.0.3' }] },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};
const run = (t: string) => execute(parseTemplate(t), DATA);

describe('kubectl JSONPath templates', () => {
  it('answers the reference examples', () => {
    expect(run('{.kind}')).toBe('List');
    expect(run('{[\'kind\']}')).toBe('List');
    expect(run('{$.kind}')).toBe('List');
    expect(run('{.items[0].metadata.name}')).toBe('127.0.0.1');
    expect(run('{.items[*].metadata.name}')).toBe('127.0.0.1 127.0.0.2');
    expect(run('{..name}')).toBe('127.0.0.1 127.0.0.2 myself e2e');
    expect(run('{.items[-1:].metadata.name}')).toBe('127.0.0.2');
    expect(run('{.items[0:1].metadata.name}')).toBe('127.0.0.1');
    expect(run('{.users[?(@.name=="e2e")].user.password}')).toBe('secret');
    expect(run('{.items[*].status.addresses[?(@.type=="another")].address}')).toBe('127.0.0.3');
    expect(run('{.items[0].metadata.labels.kubernetes\\.io/hostname}')).toBe('127.0.0.1');
    expect(run('{.items[*][\'metadata.name\', \'status.capacity\']}')).toBe('');
    expect(run('{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}')).toBe('[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ');
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.capacity.cpu}{"\\n"}{end}')).toBe('127.0.0.1\t4\n127.0.0.2\t8\n');
    expect(run('{.items[?(@.status.capacity.cpu>4)].metadata.name}')).toBe('127.0.0.2');
    expect(run('{.missing.field}')).toBe('');
  });

  it('reports malformed templates in client-go words', () => {
    expect(() => parseTemplate('{.items[}')).toThrow('unclosed array expect ]');
    expect(() => parseTemplate('{.items')).toThrow('unclosed action');
    expect(() => parseTemplate('{range .items[*]}{.a}')).toThrow('unclosed range');
    expect(() => parseTemplate('{end}')).toThrow('not in range, nothing to end');
  });
});

describe('kubectl get -o jsonpath / custom-columns', () => {
  it('prints from the live cluster', () => {
    const c = newCluster();
    k(c, 'apply -f -', NGINX_DEPLOYMENT);
    c.advance(30);
    expect(k(c, 'get deployment web -o jsonpath={.spec.replicas}')).toBe('3');
    expect(k(c, "get deploy web -o jsonpath='{.status.conditions[?(@.type==\"Available\")].status}'")).toBe('True');
    const names = k(c, 'get pods -l app=web -o jsonpath={.items[*].metadata.name}').split(' ');
    expect(names).toHaveLength(3);
    expect(names.every((n) => n.startsWith('web-'))).toBe(true);
    const lines = k(c, 'get pods -l app=web -o jsonpath=\'{range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}\'').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^web-\S+\tworker-\d$/);

    const table = k(c, 'get pods -l app=web -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,GATES:.spec.readinessGates');
    const [header, ...rows] = table.trim().split('\n');
    expect(header).toMatch(/^NAME\s+IMAGE\s+GATES$/);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^web-\S+\s+nginx:1\.27\s+<none>$/);
  });

  it('refuses empty or malformed templates like kubectl', () => {
    const c = newCluster();
    expect(kFail(c, 'get pods -A -o jsonpath')).toContain('error: template format specified but no template given');
    expect(kFail(c, 'get pods -A -o jsonpath={.items[}')).toContain('error: error parsing jsonpath {.items[}, unclosed array expect ]');
    expect(kFail(c, 'get pods -A -o custom-columns=NAME')).toContain('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
    expect(kFail(c, 'get pods -o go-template={{.kind}}')).toContain('output format "go-template" is not available in this simulator');
  });
});
