/**
 * kubectl diff -f: what applying the files would change, as a unified diff of the live object
 * against the result of a server-side dry run (a client-side apply's merge, or a server-side
 * apply with --server-side). Exit 1 when something would change, 0 when nothing would, as
 * kubectl's `diff -u -N` does. The temporary folders kubectl writes the two sides to are named
 * the way it names them; managedFields are left out of both sides, as kubectl leaves them.
 */
import { structuredPatch } from 'diff';
import type { KObject } from '../../api/types';
import { KubectlError, bool, str, type FlagSpec } from '../args';
import type { VerbContext } from '../context';
import { readManifests } from '../manifests';
import { toYaml } from '../printers/output';
import { LAST_APPLIED, parseLastApplied, prepare, reportApiError, threeWayMerge, withLastApplied } from './apply';
import { applyConfiguration } from '../../api/apply/managedFields';
import { rfc3339 } from '../../sim/clock';

export const DIFF_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
];

/** apps.v1.Deployment.default.web: kubectl's file name for an object (diff.go InfoObject.Name). */
function fileName(obj: KObject): string {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  return `${group ? `${group}.` : ''}${version}.${obj.kind}.${obj.metadata.namespace ?? ''}.${obj.metadata.name}`;
}

function shown(obj: KObject | undefined): string {
  if (!obj) return '';
  const metadata = { ...obj.metadata };
  delete metadata.managedFields;
  return toYaml({ ...obj, metadata });
}

/** A hunk range as GNU diff writes it: "start,count", the count left out when it is 1, the start one less when it is 0. */
function range(start: number, lines: number): string {
  if (lines === 0) return `${Math.max(0, start - 1)},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}

/** `2026-03-02 09:05:00.000000000 +0000`: a file's time as diff prints it. */
function stamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}

export function diffCommand(ctx: VerbContext): void {
  const files = (ctx.args.flags.get('filename') as string[] | undefined) ?? [];
  if (files.length === 0) throw new KubectlError('error: must specify one of -f and -k');
  const manifests = readManifests(ctx, files);
  const serverSide = bool(ctx.args, 'server-side');
  const now = ctx.cluster.now();
  // The temporary folders' numbers: fixed by the moment, so a replay prints the same.
  const live = `/tmp/LIVE-${(now % 4294967296).toString().padStart(10, '0')}`;
  const merged = `/tmp/MERGED-${((now * 7 + 13) % 4294967296).toString().padStart(10, '0')}`;
  let differs = false;
  for (const m of manifests) {
    try {
      const config = prepare(ctx, m);
      const type = ctx.cluster.api.typeOf(config);
      const current = ctx.cluster.api.tryGet(type, config.metadata.namespace, config.metadata.name ?? '');
      let next: KObject;
      if (serverSide) {
        const applied = applyConfiguration(current, config, str(ctx.args, 'field-manager') ?? 'kubectl', bool(ctx.args, 'force-conflicts'), rfc3339(now));
        next = current ? ctx.cluster.api.update(applied, 'kubectl', { dryRun: true }) : ctx.cluster.api.create(applied, 'kubectl', { dryRun: true });
      } else {
        // A new object is created as it is (kubectl diff adds no last-applied annotation to it).
        const annotated = withLastApplied(config);
        if (!current) next = ctx.cluster.api.create(config, 'kubectl', { dryRun: true });
        else {
          const mergedObj = threeWayMerge(current, parseLastApplied(current), annotated) as KObject;
          // kubectl diff's merged side keeps the live last-applied configuration (only apply records a new one).
          const kept = current.metadata.annotations?.[LAST_APPLIED];
          if (kept !== undefined) mergedObj.metadata = { ...mergedObj.metadata, annotations: { ...mergedObj.metadata.annotations, [LAST_APPLIED]: kept } };
          next = ctx.cluster.api.update(mergedObj, 'kubectl', { dryRun: true });
        }
      }
      const before = shown(current);
      const after = shown(next);
      if (before === after) continue;
      differs = true;
      const name = fileName(next);
      const patch = structuredPatch(`${live}/${name}`, `${merged}/${name}`, before, after, '', '', { context: 3 });
      let out = `diff -u -N ${live}/${name} ${merged}/${name}\n--- ${live}/${name}\t${stamp(now)}\n+++ ${merged}/${name}\t${stamp(now)}\n`;
      for (const h of patch.hunks) out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n${h.lines.map((l) => `${l}\n`).join('')}`;
      ctx.out.push(out);
    } catch (err) {
      reportApiError(ctx, err, 'diffing', m.source);
      return;
    }
  }
  // diff's exit status: 1 when the files differ (kubectl passes it on), with nothing on stderr.
  if (differs) ctx.failed = true;
}
