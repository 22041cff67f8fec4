/**
 * Monaco with YAML support, loaded on demand (a dynamic import: the page paints without it).
 * monaco-yaml validates and completes manifests against the Kubernetes schema.
 */
/// <reference types="vite/client" />
// The editor core with its features, and only the YAML language (not the whole editor.main).
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from './yaml.worker?worker';
import { kubernetesSchema } from './k8sSchema';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker(_id, label) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

// editor.main's compatibility shim, which edcore lacks: monaco-yaml asks for a worker by label
// (the pre-0.52 createWebWorker options) and gets one from MonacoEnvironment.
const createWebWorker = monaco.editor.createWebWorker;
type LegacyOptions = { worker?: Worker; label?: string; createData?: unknown; host?: unknown; keepIdleModels?: boolean };
(monaco.editor as { createWebWorker: unknown }).createWebWorker = (options: LegacyOptions) => {
  if (options.worker !== undefined) return createWebWorker(options as never);
  const worker = Promise.resolve(window.MonacoEnvironment!.getWorker('workerMain.js', options.label ?? 'monaco-editor-worker')).then((w) => {
    w.postMessage('ignore');
    w.postMessage(options.createData);
    return w;
  });
  return createWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels } as never);
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: [{ uri: 'https://wheelhouse.local/schemas/kubernetes.json', fileMatch: ['*'], schema: kubernetesSchema() as never }],
});

export { monaco };
