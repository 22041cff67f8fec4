// monaco-yaml's worker, re-exported from our own file so Vite bundles it (see monaco-yaml's FAQ).
import 'monaco-yaml/yaml.worker.js';
