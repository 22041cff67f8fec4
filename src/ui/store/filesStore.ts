/**
 * The learner's manifest files: the editor's tabs, which the terminal can name
 * (`kubectl apply -f web.yaml`, `ls`, `cat web.yaml`).
 */
import { create } from 'zustand';
import { TEMPLATES } from '../editor/templates';

export interface ManifestFile {
  name: string;
  content: string;
}

export interface FilesState {
  files: ManifestFile[];
  active: string;
  /** The last apply's outcome for a file: errors with the line they point at, if any. */
  problems: Record<string, { message: string; line: number }[]>;
  setContent(name: string, content: string): void;
  open(name: string): void;
  /** Adds a file from a template under a free name; returns that name. */
  addFromTemplate(id: string): string;
  remove(name: string): void;
  setProblems(name: string, problems: { message: string; line: number }[]): void;
  /**
   * Files opened by `kubectl edit`, with the object they hold (`deployment.apps/web`): saving one
   * replaces the object (kubectl replace -f) instead of applying it. Not kept across reloads.
   */
  edits: Record<string, string>;
  /** Bumped when a file should be shown (kubectl edit opened one): the work area switches to the editor. */
  revealed: number;
  /** Opens (or refreshes) an edit file and shows it. */
  openEdit(name: string, content: string, object: string): void;
  /** A file by its exact name (never anything inherited: `constructor` is only a file if there is one). */
  file(name: string): ManifestFile | undefined;
  asRecord(): Record<string, string>;
  /** Files a command wrote on the learner's side (kubectl cp out of a container): added, or overwritten as a copy would. */
  writeLocal(written: Record<string, string>): void;
}


export const useFiles = create<FilesState>((set, get) => ({
  files: [{ name: TEMPLATES[0].file, content: TEMPLATES[0].yaml }],
  active: TEMPLATES[0].file,
  problems: {},
  edits: Object.create(null) as Record<string, string>,
  revealed: 0,
  openEdit(name, content, object) {
    const files = get().files.some((f) => f.name === name) ? get().files.map((f) => (f.name === name ? { name, content } : f)) : [...get().files, { name, content }];
    set({ files, active: name, edits: Object.assign(Object.create(null) as Record<string, string>, get().edits, { [name]: object }), revealed: get().revealed + 1 });
  },
  setContent(name, content) {
    set({ files: get().files.map((f) => (f.name === name ? { ...f, content } : f)) });
  },
  open(name) {
    if (get().files.some((f) => f.name === name)) set({ active: name });
  },
  file(name) {
    return get().files.find((f) => f.name === name);
  },
  addFromTemplate(id) {
    const t = TEMPLATES.find((x) => x.id === id) ?? TEMPLATES[0];
    const taken = new Set(get().files.map((f) => f.name));
    let name = t.file;
    for (let i = 2; taken.has(name); i++) name = t.file.replace(/\.yaml$/, `-${i}.yaml`);
    set({ files: [...get().files, { name, content: t.yaml }], active: name });
    return name;
  },
  remove(name) {
    const files = get().files.filter((f) => f.name !== name);
    if (files.length === 0) return;
    set({ files, active: get().active === name ? files[0].name : get().active });
  },
  setProblems(name, problems) {
    set({ problems: Object.assign(Object.create(null) as FilesState['problems'], get().problems, { [name]: problems }) });
  },
  writeLocal(written) {
    let files = get().files;
    for (const [name, content] of Object.entries(written)) files = files.some((f) => f.name === name) ? files.map((f) => (f.name === name ? { name, content } : f)) : [...files, { name, content }];
    set({ files });
  },
  asRecord() {
    // No prototype behind the names: kubectl looks a file up with `name in files`, and on a
    // plain object `constructor` or `__proto__` would be "there" without being a file.
    const out: Record<string, string> = Object.create(null);
    for (const f of get().files) Object.defineProperty(out, f.name, { value: f.content, enumerable: true, writable: true, configurable: true });
    return out;
  },
}));
