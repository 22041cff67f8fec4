// ESLint: TypeScript's recommended rules, React hooks, and the architecture's doors.
//
// The `boundaries/dependencies` policies below are the project's import picture (README,
// "Architecture"): `npm test` fails when an import crosses a door the wrong way. Read them
// from the bottom up — each layer may import only the layers beneath it.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

/** The engine's parts that run the cluster; each talks to the others through the API. */
const COMPONENTS = ['controllers', 'scheduler', 'kubelet', 'network', 'storage', 'cloud', 'metrics'];

/** Element types, most specific first (the first pattern that matches a file wins). */
const elements = [
  { type: 'engine-port', pattern: 'src/engine/port' },
  { type: 'engine-testing', pattern: ['src/engine/testing', 'src/engine/testdata'] },
  { type: 'engine-cluster', pattern: 'src/engine/cluster' },
  // The REST API real clients reach (npm run serve): a client-facing layer over the API server, as kubectl is.
  { type: 'engine-rest', pattern: 'src/engine/rest' },
  { type: 'engine-kubectl', pattern: 'src/engine/kubectl' },
  ...COMPONENTS.map((c) => ({ type: `engine-${c}`, pattern: `src/engine/${c}` })),
  { type: 'engine-client', pattern: 'src/engine/client' },
  { type: 'engine-helpers', pattern: 'src/engine/helpers' },
  { type: 'engine-api', pattern: 'src/engine/api' },
  { type: 'engine-schema', pattern: 'src/engine/openapi' },
  { type: 'engine-base', pattern: ['src/engine/sim', 'src/engine/util'] },
  { type: 'lessons', pattern: 'src/lessons' },
  { type: 'ui', pattern: 'src/ui' },
  // Static hosting settings (security headers), shared by the build and the e2e server.
  { type: 'deploy', pattern: 'src/deploy' },
  // The Node server of `npm run serve`: runs the page's engine host and serves its API and page.
  { type: 'server', pattern: 'src/server' },
  { type: 'tooling', pattern: ['e2e', 'bench', 'scripts'] },
];

const BASE = ['engine-base'];
const API = [...BASE, 'engine-schema', 'engine-api'];
const HELPERS = [...API, 'engine-helpers'];
const CLIENT = [...HELPERS, 'engine-client'];
const components = COMPONENTS.map((c) => `engine-${c}`);
const ENGINE = [...CLIENT, ...components, 'engine-kubectl', 'engine-rest', 'engine-cluster', 'engine-port', 'engine-testing'];

/**
 * Where one component may use another's code — as a library, never its memory: each line is a
 * seam upstream has too. The autoscaler simulates scheduling with the scheduler's framework
 * (cluster-autoscaler vendors kube-scheduler for that); the kubelet mounts volumes through the
 * storage plugins and its exec'd commands reach the network model; the network's simulated
 * HTTP servers and metrics-server's usage are the kubelet's container programs.
 */
const COMPONENT_SEAMS = {
  'engine-cloud': ['engine-scheduler'],
  'engine-kubelet': ['engine-storage', 'engine-network'],
  'engine-network': ['engine-kubelet'],
  'engine-metrics': ['engine-kubelet'],
};

const policies = [
  { from: { element: { type: 'engine-base' } }, allow: { to: { element: { types: { anyOf: BASE } } } } },
  { from: { element: { type: 'engine-schema' } }, allow: { to: { element: { types: { anyOf: ['engine-schema'] } } } } },
  { from: { element: { type: 'engine-api' } }, allow: { to: { element: { types: { anyOf: API } } } } },
  // Pure functions over API objects that several parts share (upstream: component-helpers, apimachinery).
  { from: { element: { type: 'engine-helpers' } }, allow: { to: { element: { types: { anyOf: HELPERS } } } } },
  { from: { element: { type: 'engine-client' } }, allow: { to: { element: { types: { anyOf: CLIENT } } } } },
  ...components.map((c) => ({ from: { element: { type: c } }, allow: { to: { element: { types: { anyOf: [...CLIENT, c, ...(COMPONENT_SEAMS[c] ?? [])] } } } } })),
  // kubectl is a client of the API server: it reads objects and subresources, never a kubelet.
  { from: { element: { type: 'engine-kubectl' } }, allow: { to: { element: { types: { anyOf: [...CLIENT, 'engine-kubectl'] } } } } },
  // The REST layer prints Tables with kubectl's column printers (the API server's table convertors upstream).
  { from: { element: { type: 'engine-rest' } }, allow: { to: { element: { types: { anyOf: [...CLIENT, 'engine-kubectl', 'engine-rest'] } } } } },
  // The cluster assembles everything; the port is its only door.
  { from: { element: { type: 'engine-cluster' } }, allow: { to: { element: { types: { anyOf: [...CLIENT, ...components, 'engine-kubectl', 'engine-rest', 'engine-cluster'] } } } } },
  { from: { element: { type: 'engine-port' } }, allow: { to: { element: { types: { anyOf: [...CLIENT, ...components, 'engine-kubectl', 'engine-rest', 'engine-cluster', 'engine-port'] } } } } },
  { from: { element: { type: 'engine-testing' } }, allow: { to: { element: { types: { anyOf: ['engine-port', 'engine-testing', 'engine-cluster'] } } } } },
  // Outside the engine: only the port (lessons are data over it; the app draws what it says),
  // and the generated OpenAPI schema data the editor validates manifests with.
  { from: { element: { type: 'lessons' } }, allow: { to: { element: { types: { anyOf: ['engine-port', 'lessons'] } } } } },
  { from: { element: { type: 'ui' } }, allow: { to: { element: { types: { anyOf: ['engine-port', 'engine-schema', 'lessons', 'ui'] } } } } },
  { from: { element: { type: 'deploy' } }, allow: { to: { element: { type: 'deploy' } } } },
  // The server runs the same engine host the page's worker runs (src/ui/engineHost) — the host is
  // DOM-free — and serves the page with the site's own security headers.
  { from: { element: { type: 'server' } }, allow: { to: { element: { types: { anyOf: ['engine-port', 'ui', 'deploy', 'server'] } } } } },
  { from: { element: { type: 'tooling' } }, allow: { to: { element: { types: { anyOf: ['engine-port', 'engine-schema', 'engine-testing', 'lessons', 'ui', 'deploy', 'server', 'tooling'] } } } } },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**', '**/*.tmp.mjs', '**/*.tmp.mts', 'src/engine/openapi/definitions.json'] },
  ...tseslint.configs.recommended,
  // An eslint-disable comment that no longer disables anything is a comment that lies.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': elements,
      'boundaries/include': ['src/**', 'e2e/**', 'bench/**', 'scripts/**'],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'boundaries/dependencies': ['error', { default: 'disallow', policies }],
      // Every file belongs to a part, and imports only files that do.
      'boundaries/no-unknown-dependencies': 'error',
      'boundaries/no-unknown-files': 'error',
      // Names starting with _ are deliberately unused (a callback's position, a rest sibling).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests look inside the part they test (they sit beside it); they still never import the app.
    files: ['src/engine/**/*.test.ts'],
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: [{ from: { element: { types: { anyOf: ENGINE } } }, allow: { to: { element: { types: { anyOf: ENGINE } } } } }] }],
    },
  },
);
