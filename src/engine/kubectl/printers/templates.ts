/**
 * `-o jsonpath=TEMPLATE` and `-o custom-columns=HEADER:PATH,…`, with kubectl's wording for
 * a missing or malformed template.
 */
import type { KObject } from '../../api/types';
import { KubectlError } from '../args';
import { formatTable } from '../table';
import { sortKeys } from './output';
import { JsonPathError, evaluatePath, execute, formatValue, parsePath, parseTemplate } from './jsonpathTemplate';

/** Whether `-o` names a template printer this module handles. */
export function isTemplateOutput(output: string | undefined): boolean {
  return !!output && /^(jsonpath|custom-columns)(=|$)/.test(output);
}

export function printTemplate(output: string, objs: KObject[], single: boolean): string {
  const eq = output.indexOf('=');
  const format = eq < 0 ? output : output.slice(0, eq);
  const spec = eq < 0 ? '' : output.slice(eq + 1);
  if (format === 'jsonpath') {
    if (!spec) throw new KubectlError('error: template format specified but no template given');
    let nodes;
    try {
      nodes = parseTemplate(spec);
    } catch (e) {
      throw new KubectlError(`error: error parsing jsonpath ${spec}, ${(e as Error).message}`);
    }
    const data = sortKeys(single && objs.length === 1 ? objs[0] : { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } });
    return execute(nodes, data);
  }
  if (!spec) throw new KubectlError('error: custom-columns format specified but no custom columns given');
  const columns = spec.split(',').map((col) => {
    const colon = col.indexOf(':');
    if (colon <= 0) throw new KubectlError(`error: unexpected custom-columns spec: ${col}, expected <header>:<json-path-expr>`);
    const path = col.slice(colon + 1).replace(/^\{(.*)\}$/, '$1');
    try {
      return { header: col.slice(0, colon), steps: parsePath(path) };
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`error: error parsing jsonpath {${path}}, ${e.message}`);
      throw e;
    }
  });
  const rows = objs.map((o) => {
    const data = sortKeys(o);
    return columns.map((c) => {
      const values = evaluatePath(data, c.steps).flatMap((v) => (Array.isArray(v) ? v : [v]));
      return values.length ? values.map(formatValue).join(',') : '<none>';
    });
  });
  return formatTable(columns.map((c) => c.header), rows);
}
