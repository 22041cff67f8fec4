/**
 * Reading manifests given with -f: multi-document YAML or JSON from stdin (`-f -`) or from a
 * named file (the UI's editor tabs), with kubectl's errors for broken input.
 */
import { parseAllDocuments } from 'yaml';
import type { KObject } from '../api/types';
import { convertedVersion, hpaFromV1 } from '../api/conversion/hpaV1';
import { KubectlError } from './args';
import type { VerbContext } from './context';

export interface Manifest {
  obj: KObject;
  source: string;
}

export function readManifests(ctx: VerbContext, filenames: string[]): Manifest[] {
  if (filenames.length === 0) throw new KubectlError('error: must specify one of -f and -k');
  const out: Manifest[] = [];
  for (const f of filenames) {
    let text: string;
    let source: string;
    if (f === '-') {
      text = ctx.stdin ?? '';
      source = 'STDIN';
    } else {
      const key = f.replace(/^\.\//, '');
      // Own keys only: the files may arrive as a plain object (cloned from the page), where `__proto__` or `constructor` would be found.
      if (!Object.hasOwn(ctx.files, key)) {
        if (/^https?:\/\//.test(f)) throw new KubectlError(`error: unable to read URL "${f}": this sandbox has no internet access; paste the manifest into the editor instead`);
        throw new KubectlError(`error: the path "${f}" does not exist`);
      }
      text = ctx.files[key];
      source = f;
    }
    out.push(...parseManifestText(text, source));
  }
  return out;
}

export function parseManifestText(text: string, source: string): Manifest[] {
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: true });
  const out: Manifest[] = [];
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length) {
      const e = doc.errors[0];
      const line = e.linePos?.[0]?.line ?? 1;
      const reason = e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '').replace(/:$/, '');
      throw new KubectlError(`error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`);
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new KubectlError(`error: error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}`);
    }
    // autoscaling/v1 HPAs (kubectl autoscale's, many tutorials'): the API server stores them as v2, so they are sent as such.
    for (const obj of flattenList(value as KObject)) out.push({ obj: convertedVersion(obj?.apiVersion, obj?.kind) ? hpaFromV1(obj) : obj, source });
  }
  return out;
}

function flattenList(obj: KObject): KObject[] {
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) return (obj.items as KObject[]).flatMap(flattenList);
  return [obj];
}

/** kubectl's client-side checks before anything is sent. */
export function checkTypeMeta(m: Manifest): void {
  const { obj, source } = m;
  if (!obj.apiVersion) throw new KubectlError(`error: error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`);
  if (!obj.kind) throw new KubectlError(`error: error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`);
  if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
}
