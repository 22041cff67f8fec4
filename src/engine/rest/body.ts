/**
 * Request bodies and query parameters as the API server reads them: JSON (or YAML for
 * server-side apply), objects only, with the decoder's errors; the options every verb takes
 * (`dryRun`, `fieldValidation`, `fieldManager`, delete options).
 */
import { parse as parseYaml } from 'yaml';
import { badRequest, ApiError } from '../api/errors';
import type { DeleteOptions, PropagationPolicy } from '../api/server';
import type { PatchType } from '../api/patch/patch';

/** The largest body the server decodes (the API server's limit is 3 MiB for most writes). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function parseBody(text: string | undefined, contentType: string | undefined): unknown {
  if (text === undefined || text === '') throw badRequest('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf');
  if (text.length > MAX_BODY_BYTES) throw new ApiError('RequestEntityTooLarge', 413, 'Request entity too large: limit is 3145728');
  const yaml = /yaml/.test(contentType ?? '');
  try {
    return yaml ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw badRequest(`${yaml ? 'error converting YAML to JSON' : "couldn't get version/kind; json parse error"}: ${why}`);
  }
}

export function parseObjectBody(text: string | undefined, contentType: string | undefined): Record<string, unknown> {
  const v = parseBody(text, contentType);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  return v as Record<string, unknown>;
}

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

export interface WriteOptions {
  dryRun: boolean;
  fieldValidation: FieldValidation;
  fieldManager?: string;
  force: boolean;
}

export function writeOptions(q: URLSearchParams): WriteOptions {
  const dryRun = q.getAll('dryRun');
  for (const d of dryRun) if (d !== 'All') throw new ApiError('BadRequest', 400, `Invalid dryRun value: ${JSON.stringify(d)}; only "All" is supported`);
  const fv = q.get('fieldValidation') ?? 'Warn';
  if (fv !== 'Ignore' && fv !== 'Warn' && fv !== 'Strict') throw badRequest(`fieldValidation parameter unsupported: ${fv}`);
  const opts: WriteOptions = { dryRun: dryRun.length > 0, fieldValidation: fv, force: q.get('force') === 'true' };
  const fm = q.get('fieldManager');
  if (fm) opts.fieldManager = fm;
  return opts;
}

/** DeleteOptions from the body (what client-go sends) or the query (curl, kubectl's older paths). */
export function deleteOptions(q: URLSearchParams, body: string | undefined): DeleteOptions {
  let b: Record<string, unknown> = {};
  if (body && body.trim()) {
    const v = parseBody(body, 'application/json');
    if (v && typeof v === 'object' && !Array.isArray(v)) b = v as Record<string, unknown>;
  }
  const opts: DeleteOptions = {};
  const policy = (b.propagationPolicy as string | undefined) ?? q.get('propagationPolicy') ?? undefined;
  if (policy !== undefined) {
    if (policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan') throw new ApiError('Invalid', 422, `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`, { causes: [{ field: 'propagationPolicy', message: `Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"` }] });
    opts.propagationPolicy = policy as PropagationPolicy;
  }
  if (b.orphanDependents === true || q.get('orphanDependents') === 'true') opts.propagationPolicy = 'Orphan';
  const grace = b.gracePeriodSeconds ?? q.get('gracePeriodSeconds') ?? undefined;
  if (grace !== undefined && grace !== null) {
    const n = Number(grace);
    if (!Number.isInteger(n)) throw badRequest(`invalid gracePeriodSeconds: ${String(grace)}`);
    // A negative grace period means "now" (the registry treats it as 1 second for pods… and 0 here).
    opts.gracePeriodSeconds = Math.max(0, n);
  }
  const uid = (b.preconditions as { uid?: string } | undefined)?.uid;
  if (uid) opts.uid = uid;
  const dry = (b.dryRun as string[] | undefined) ?? q.getAll('dryRun');
  if (dry.length) opts.dryRun = true;
  return opts;
}

/** The patch a PATCH's Content-Type names (server-side apply is told apart before this). */
export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  const PATCH_TYPES: Record<string, PatchType> = {
    'application/json-patch+json': 'json',
    'application/merge-patch+json': 'merge',
    'application/strategic-merge-patch+json': 'strategic',
  };
  return PATCH_TYPES[(contentType ?? '').split(';')[0]!.trim()];
}

/** A patch body: any JSON value (the patch type decides what it must be). */
export function parsePatchBody(body: string | undefined): unknown {
  if (!body) throw badRequest('the body of the request was empty');
  try {
    return JSON.parse(body);
  } catch (e) {
    throw badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`);
  }
}
