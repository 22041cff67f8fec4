import { describe, expect, it } from 'vitest';
import { complete, type CompletionSource } from './complete';

const src: CompletionSource = {
  verbs: ['get', 'describe', 'delete', 'drain', 'apply', 'logs'],
  resources: ['pods', 'po', 'deployments', 'deploy', 'services', 'svc', 'nodes'],
  names: (resource, ns) => (resource === 'pods' || resource === 'po' ? (ns === 'default' ? ['web-1', 'web-2', 'db-0'] : ['coredns-1']) : resource === 'nodes' ? ['worker-1', 'worker-2'] : resource === 'namespaces' ? ['default', 'kube-system'] : []),
  files: ['web.yaml', 'web-svc.yaml'],
};

describe('tab completion', () => {
  it('completes verbs, types, names, namespaces and files', () => {
    expect(complete('kub', src)).toEqual({ line: 'kubectl ', choices: [] });
    expect(complete('kubectl de', src)).toEqual({ line: 'kubectl de', choices: ['delete', 'describe'] });
    expect(complete('kubectl desc', src).line).toBe('kubectl describe ');
    expect(complete('kubectl get dep', src)).toEqual({ line: 'kubectl get deploy', choices: ['deploy', 'deployments'] });
    expect(complete('kubectl get pods w', src)).toEqual({ line: 'kubectl get pods web-', choices: ['web-1', 'web-2'] });
    expect(complete('kubectl get pods -n kube-system c', src).line).toBe('kubectl get pods -n kube-system coredns-1 ');
    expect(complete('kubectl get pods -n k', src).line).toBe('kubectl get pods -n kube-system ');
    expect(complete('kubectl logs d', src).line).toBe('kubectl logs db-0 ');
    expect(complete('kubectl drain w', src).choices).toEqual(['worker-1', 'worker-2']);
    expect(complete('kubectl apply -f web', src).choices).toEqual(['web-svc.yaml', 'web.yaml']);
    expect(complete('cat web.', src).line).toBe('cat web.yaml ');
    expect(complete('kubectl frobnicate x', src)).toEqual({ line: 'kubectl frobnicate x', choices: [] });
  });
});
