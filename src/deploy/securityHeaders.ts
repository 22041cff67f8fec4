/**
 * The security headers the site is served with — one list, used by `vite preview` and the dev
 * server (vite.config.ts), the e2e servers, and checked against the shipped host examples
 * (`public/_headers` for Netlify / Cloudflare Pages, `deploy/nginx.conf`) by a unit test.
 *
 * The policy allows only the site's own origin: the app makes no third-party request at all
 * (its fonts, the Kubernetes schema and the lessons are bundled).
 */
const DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  // No inline script and no eval: every script is a file of the build. Monaco's two workers
  // (editor and YAML) are bundled files too, started with `new Worker(url)` from the same origin,
  // so no `blob:` and no `'wasm-unsafe-eval'` are needed (nothing in the app runs WebAssembly).
  ['script-src', "'self'"],
  ['worker-src', "'self'"],
  // Exception: inline styles. Monaco and xterm.js write <style> elements at run time (Monaco's
  // theme colours, xterm's cell measurements) and React/D3 set style attributes; none of them
  // carries script. CSS cannot run code, so this widens nothing a script injection could use.
  ['style-src', "'self' 'unsafe-inline'"],
  // Exception: `data:` images. Monaco's and xterm's stylesheets draw a few icons as data: SVGs.
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  // The service worker fetches the build itself; nothing else goes out.
  ['connect-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-src', "'none'"],
  // Nobody may frame the page (clickjacking: a page putting the app under its own buttons).
  ['frame-ancestors', "'none'"],
];

/** The Content-Security-Policy header's value. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/**
 * The same policy for a `<meta http-equiv>` tag, for hosts that cannot set headers. A meta
 * policy cannot carry `frame-ancestors` (browsers ignore it there, per the CSP spec), so such a
 * host cannot stop framing: set the header where you can.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(([k]) => k !== 'frame-ancestors')
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** Every header the site sends with each response. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Old browsers without frame-ancestors.
  'X-Frame-Options': 'DENY',
  // Share links carry the whole scenario in the address: no other site learns it.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  // The app uses none of these.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/**
 * The dev server's policy: Vite's hot reload needs the React refresh preamble (an inline script)
 * and a WebSocket back to the dev server. Never used for a build.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws: wss:",
);
