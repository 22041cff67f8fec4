/**
 * CustomResourceDefinitions through real kubectl v1.32 against the served API (issue 16): real
 * kubectl applies a CRD and objects of its kind, then `get` (the custom table with its printer
 * columns), `get -o yaml`, `describe`, `explain` and `api-resources` print the same bytes as the
 * simulator's own kubectl; the schema's refusals reach real kubectl in the API server's words;
 * deleting the CRD takes its objects and its type with it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, kubectlForSuite, kubectl, kubectlStream, serveForTest, type Served } from '../testing/served';

const KUBECTL = kubectlForSuite('the CustomResourceDefinition conformance suite');
const testdata = resolve(__dirname, '../../engine/testdata/crd');
const CRD = readFileSync(`${testdata}/widget-crd.yaml`, 'utf8');
const WIDGETS = readFileSync(`${testdata}/widgets.yaml`, 'utf8');

describe.runIf(!!KUBECTL)('CustomResourceDefinition through real kubectl v1.32', () => {
  let served: Served;
  const k = (args: string[], input?: string) => kubectl(KUBECTL!, served, args, input);
  const sim = (args: string[]) => served.server.runner.host.query(args.join(' '));

  beforeAll(async () => {
    served = await serveForTest({ seed: 16 });
    const created = await k(['apply', '-f', '-'], CRD);
    expect(created.stdout).toBe('customresourcedefinition.apiextensions.k8s.io/widgets.example.com created\n');
    await eventually('the CRD is Established', () => k(['get', 'crd', 'widgets.example.com', '-o', 'jsonpath={.status.conditions[?(@.type=="Established")].status}']), (r) => r.stdout === 'True');
    const applied = await k(['apply', '-f', '-'], WIDGETS);
    expect(applied.stderr).toBe('');
    expect(applied.stdout).toBe('widget.example.com/small created\nwidget.example.com/large created\n');
    served.server.runner.host.setClock({ paused: true });
  }, 60_000);
  afterAll(async () => {
    served?.server.runner.host.setClock({ paused: false });
    await served?.close();
  });

  it('gets, describes and lists the custom kind as the simulator does', async () => {
    for (const args of [['get', 'crd'], ['get', 'widgets'], ['get', 'wd', '-o', 'wide'], ['get', 'widget', 'large', '--show-labels'], ['get', 'widgets.example.com', '-A'], ['get', 'wd', 'small', '-o', 'yaml'], ['describe', 'widget', 'large'], ['describe', 'crd', 'widgets.example.com'], ['api-resources', '--api-group=example.com']]) {
      const real = await k(args);
      expect(real.stderr, args.join(' ')).toBe('');
      expect(sim(args).stdout, args.join(' ')).toBe(real.stdout);
    }
    expect((await k(['get', 'widgets'])).stdout).toMatch(/^NAME +SIZE +COLOR +READY +AGE\nlarge +9 +blue +\S+\nsmall +2 +red +\S+\n$/);
  });

  it('explains the kind and its fields from the CRD schema', async () => {
    for (const args of [['explain', 'widget'], ['explain', 'widgets.spec'], ['explain', 'wd.spec.color'], ['explain', 'widget.spec.tags'], ['explain', 'widget', '--recursive']]) {
      const real = await k(args);
      expect(real.stderr, args.join(' ')).toBe('');
      expect(sim(args).stdout, args.join(' ')).toBe(real.stdout);
    }
  });

  it('writes status through the status subresource only', async () => {
    const patched = await k(['patch', 'widget', 'large', '--subresource=status', '--type=merge', '-p', '{"status":{"ready":true}}']);
    expect(patched.stdout).toBe('widget.example.com/large patched\n');
    const main = await k(['patch', 'widget', 'large', '--type=merge', '-p', '{"spec":{"size":8},"status":{"ready":false}}']);
    expect(main.stdout).toBe('widget.example.com/large patched\n');
    const real = await k(['get', 'widget', 'large', '-o', 'jsonpath={.metadata.generation} {.spec.size} {.status.ready}']);
    expect(real.stdout).toBe('2 8 true');
    expect((await k(['get', 'widgets'])).stdout).toBe(sim(['get', 'widgets']).stdout);
  });

  it('watches the custom kind', async () => {
    const watch = kubectlStream(KUBECTL!, served, ['get', 'widgets', '-w', '--output-watch-events']);
    try {
      await eventually('the watch lists what exists', () => watch.output(), (o) => o.includes('small'));
      await k(['apply', '-f', '-'], 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: watched\nspec:\n  size: 5\n');
      const out = await eventually('the watch sees the new widget', () => watch.output(), (o) => /ADDED +watched +5 +red/.test(o));
      expect(out).toMatch(/^EVENT +NAME +SIZE +COLOR +READY +AGE\n/);
      await k(['delete', 'widget', 'watched']);
      await eventually('the watch sees it go', () => watch.output(), (o) => /DELETED +watched/.test(o));
    } finally {
      watch.stop();
    }
  });

  it('refuses what the schema refuses, in the API server’s words', async () => {
    const bad = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: broken\nspec:\n  size: "big"\n  color: pink\n';
    const real = await k(['apply', '-f', '-'], bad);
    expect(real.code).toBe(1);
    // The server's validator walks a Go map: the two causes come in either order.
    const causes = ['* spec.color: Unsupported value: "pink": supported values: "red", "green", "blue"', '* spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"'];
    expect(real.stderr.split('\n').slice(1).filter(Boolean).sort()).toEqual(causes);
    expect(real.stderr.split('\n')[0]).toBe('The Widget "broken" is invalid: ');
    const unknownField = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: typo\nspec:\n  size: 1\n  colour: red\n';
    const strict = await k(['apply', '-f', '-'], unknownField);
    expect(strict.stderr).toBe('Error from server (BadRequest): error when creating "STDIN": Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.colour"\n');
  });

  it('refuses objects in the same file as their CRD, as discovery does not know them yet', async () => {
    const both = CRD.replace(/widgets/g, 'gizmos').replace(/Widget/g, 'Gizmo').replace(/widget/g, 'gizmo').replace('shortNames: [wd]', 'shortNames: [gz]') + '---\n' + WIDGETS.replace(/Widget/g, 'Gizmo');
    const real = await k(['apply', '-f', '-'], both);
    expect(real.stdout).toBe('customresourcedefinition.apiextensions.k8s.io/gizmos.example.com created\n');
    expect(real.stderr).toBe(['small', 'large'].map((n) => `resource mapping not found for name: "${n}" namespace: "" from "STDIN": no matches for kind "Gizmo" in version "example.com/v1"\nensure CRDs are installed first\n`).join(''));
  });

  it('deletes the objects with the CRD, and then the type is gone', async () => {
    served.server.runner.host.setClock({ paused: false });
    expect((await k(['delete', 'crd', 'widgets.example.com'])).stdout).toBe('customresourcedefinition.apiextensions.k8s.io "widgets.example.com" deleted\n');
    await eventually('the CRD is gone', () => k(['get', 'crd', 'widgets.example.com']), (r) => r.stderr === 'Error from server (NotFound): customresourcedefinitions.apiextensions.k8s.io "widgets.example.com" not found\n');
    // A fresh discovery cache: a stale one still names the type (and real kubectl then answers NotFound for the list).
    const real = await k(['--cache-dir', `${served.dir}/fresh-cache`, 'get', 'widgets']);
    expect(real.stderr).toBe('error: the server doesn\'t have a resource type "widgets"\n');
    expect(sim(['get', 'widgets']).stderr).toBe(real.stderr);
  });
});
