import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './securityHeaders';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe('the security policy', () => {
  it('runs no inline or eval script, frames nothing and is framed by nobody', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    for (const [, sources] of csp) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources.filter((s) => /^https?:|^\*$/.test(s))).toEqual([]); // no third party
    }
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('the meta policy is the same minus frame-ancestors, which a meta tag cannot carry', () => {
    const meta = directives(META_CONTENT_SECURITY_POLICY);
    expect(meta.has('frame-ancestors')).toBe(false);
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  it('public/_headers (Netlify, Cloudflare Pages) sends exactly these headers for every path', () => {
    const text = readFileSync('public/_headers', 'utf8');
    const block = text.split(/\n(?=\S)/).find((b) => b.startsWith('/*'))!;
    const sent = Object.fromEntries(
      block
        .split('\n')
        .slice(1)
        .filter((l) => l.trim())
        .map((l) => [l.trim().slice(0, l.trim().indexOf(':')), l.trim().slice(l.trim().indexOf(':') + 1).trim()]),
    );
    expect(sent).toEqual(SECURITY_HEADERS);
  });

  it('deploy/nginx.conf sends exactly these headers in every location', () => {
    const text = readFileSync('deploy/nginx.conf', 'utf8');
    const csp = /set \$csp "([^"]+)";/.exec(text)![1];
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    const blocks = text.split(/\n\s*location /);
    expect(blocks.length).toBe(4);
    // The server block and each location that sets headers of its own (nginx does not inherit).
    for (const block of [blocks[0], blocks[2], blocks[3]]) {
      const sent = Object.fromEntries([...block.matchAll(/add_header ([\w-]+) ("[^"]*"|\$csp) always;/g)].map((m) => [m[1], m[2] === '$csp' ? csp : m[2].slice(1, -1)]));
      delete sent['Cache-Control'];
      expect(sent).toEqual(SECURITY_HEADERS);
    }
  });
});
