// edcore.main is editor.api plus every editor feature (suggest, hover, find …): same API.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor/esm/vs/editor/editor.api';
}
