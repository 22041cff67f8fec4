/**
 * `kubectl get` of custom objects (issue 16): NAME, then the version's additionalPrinterColumns
 * (AGE only when the CRD names no column, none when its columns leave it out), priority-1
 * columns under `-o wide`, typed cells, empty where a path finds nothing.
 */
import { describe, expect, it } from 'vitest';
import { k, newCluster } from '../../testing/helpers';

const crd = (columns: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backups.ops.example
spec:
  group: ops.example
  scope: Namespaced
  names: {plural: backups, kind: Backup}
  versions:
  - name: v1
    served: true
    storage: true
${columns}    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              schedule: {type: string}
              ratio: {type: number}
              last: {type: string, format: date-time}
              targets: {type: array, items: {type: string}}
`;

const BACKUP = 'apiVersion: ops.example/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 3 * * *"\n  ratio: 0.5\n  last: "2026-03-02T08:05:00Z"\n  targets: [db, files]\n';

describe('custom objects in kubectl get', () => {
  it('prints NAME and AGE when the CRD names no printer column', () => {
    const c = newCluster();
    k(c, 'apply -f -', crd(''));
    c.advance(1);
    k(c, 'apply -f -', BACKUP);
    c.advance(90);
    expect(k(c, 'get backups')).toBe('NAME      AGE\nnightly   90s\n');
  });

  it('prints the printer columns, typed, with -o wide adding those of priority 1', () => {
    const c = newCluster();
    k(
      c,
      'apply -f -',
      crd(`    additionalPrinterColumns:
    - {name: Schedule, type: string, jsonPath: .spec.schedule}
    - {name: Ratio, type: number, jsonPath: .spec.ratio}
    - {name: Last Run, type: date, jsonPath: .spec.last}
    - {name: Targets, type: string, jsonPath: .spec.targets, priority: 1}
    - {name: Missing, type: integer, jsonPath: .status.count, priority: 1}
`),
    );
    c.advance(1);
    k(c, 'apply -f -', BACKUP);
    // No Age column asked for: none printed.
    expect(k(c, 'get backup nightly')).toBe('NAME      SCHEDULE    RATIO   LAST RUN\nnightly   0 3 * * *   0.5     60m\n');
    expect(k(c, 'get backups -o wide')).toBe('NAME      SCHEDULE    RATIO   LAST RUN   TARGETS          MISSING\nnightly   0 3 * * *   0.5     60m        ["db","files"]   \n');
  });
});
