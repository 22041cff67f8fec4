/**
 * kubectl's YAML (go-yaml v2) as pinned from real kubectl v1.32's output: strings quoted and long
 * ones folded its way. (src/server/conformance/yamlPrinterKubectl.test.ts compares hundreds more
 * with real kubectl itself where it is installed.)
 */
import { describe, expect, it } from 'vitest';
import { toYaml } from './output';
import { goScalarStyle } from './yamlStyle';

describe('kubectl -o yaml strings', () => {
  it('fold a long scheduling message past column 80, at a space, two columns in; escape what go-yaml escapes', () => {
    const data = {
      msg: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
      emoji: 'ok 😀 tab\tx',
      quote: "it's: fine",
    };
    expect(toYaml({ data })).toBe(`data:
  emoji: "ok \\U0001F600 tab\\tx"
  msg: '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:
    }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not
    helpful for scheduling, 2 No preemption victims found for incoming pod.'
  quote: 'it''s: fine'
`);
  });

  it('keep a literal block as written, and fold sequence items from the dash', () => {
    const long = 'while true; do echo this is a fairly long line of shell to run in the container; sleep 5; done';
    expect(toYaml({ command: ['sh', '-c', long], script: 'line one\nline two\n' })).toBe(`command:
- sh
- -c
- while true; do echo this is a fairly long line of shell to run in the container;
  sleep 5; done
script: |
  line one
  line two
`);
  });

  it('choose plain, single or double quotes as go-yaml does', () => {
    expect(goScalarStyle('nginx:1.27')).toBe('PLAIN');
    expect(goScalarStyle('a: b')).toBe('QUOTE_SINGLE');
    expect(goScalarStyle('- x')).toBe('QUOTE_SINGLE');
    expect(goScalarStyle('x #y')).toBe('QUOTE_SINGLE');
    expect(goScalarStyle('x#y')).toBe('PLAIN');
    expect(goScalarStyle('true')).toBe('QUOTE_DOUBLE');
    expect(goScalarStyle('0x1F')).toBe('QUOTE_DOUBLE');
    expect(goScalarStyle('')).toBe('QUOTE_DOUBLE');
    expect(goScalarStyle('a\tb')).toBe('QUOTE_DOUBLE');
    expect(goScalarStyle('trail \nx')).toBe('QUOTE_DOUBLE');
    expect(goScalarStyle('two\nlines')).toBe('BLOCK_LITERAL');
  });
});

describe('kubectl -o json strings', () => {
  it('escape <, > and & as Go encoding/json does', async () => {
    const { goJson } = await import('./output');
    expect(goJson({ command: 'echo "hi" && sleep 5 > /dev/null < x' })).toBe('{\n    "command": "echo \\"hi\\" \\u0026\\u0026 sleep 5 \\u003e /dev/null \\u003c x"\n}\n');
  });
});
