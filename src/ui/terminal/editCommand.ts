/**
 * `kubectl edit` in the page: kubectl opens the live object in $EDITOR; here the editor is the
 * page's own. The object is read as `get -o yaml` shows it (its resourceVersion included, its
 * managedFields left out as kubectl edit leaves them), under kubectl's comment header, into a file
 * `edit-<kind>-<name>.yaml`; saving it sends it back whole (kubectl replace -f), so the API server
 * refuses a stale copy with its Conflict and the learner's text stays in the editor.
 */
import i18n from '../i18n';
import { useCluster } from '../store/clusterStore';
import { useFiles } from '../store/filesStore';

/** kubectl's edit header (pkg/cmd/util/editor: the template kubectl writes above the object). */
export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** Handles a typed `kubectl edit …` line; the terminal shows what happened. */
export async function editInEditor(command: string): Promise<void> {
  const store = useCluster.getState();
  const rest = command.trim().split(/\s+/).slice(2).join(' ');
  if (!rest) {
    store.echo(command, '', "error: you must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    return;
  }
  const id = await store.query(`get ${rest} -o jsonpath={.kind}/{.metadata.name}`);
  if (id.exitCode !== 0) return store.echo(command, '', id.stderr);
  const match = /^([A-Za-z]+)\/([^\s/]+)$/.exec(id.stdout.trim());
  // A list (no name given, or a selector) has no single kind/name: one object at a time here.
  if (!match || match[1] === 'List') return store.echo(command, '', i18n.t('console.editOne'), 'note');
  const yaml = await store.query(`get ${rest} -o yaml`);
  if (yaml.exitCode !== 0) return store.echo(command, '', yaml.stderr);
  const [, kind, name] = match;
  const file = `edit-${kind.toLowerCase()}-${name}.yaml`;
  useFiles.getState().openEdit(file, EDIT_HEADER + yaml.stdout, `${kind.toLowerCase()}/${name}`);
  store.echo(command, '', i18n.t('console.editOpened', { object: `${kind.toLowerCase()}/${name}`, file }), 'note');
}
