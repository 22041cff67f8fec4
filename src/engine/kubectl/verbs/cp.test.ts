import { describe, expect, it } from 'vitest';
import { k, newCluster } from '../../testing/helpers';
import type { Cluster } from '../../cluster/cluster';

const BOX = `apiVersion: v1
kind: Pod
metadata: {name: box}
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - {name: cfg, mountPath: /etc/config}
  volumes:
  - name: cfg
    configMap: {name: settings}
`;

function cluster(): Cluster {
  const c = newCluster();
  k(c, 'create configmap settings --from-literal=mode=fast');
  k(c, 'apply -f -', BOX);
  k(c, 'run web --image=nginx:1.27');
  c.advance(20);
  return c;
}

describe('kubectl cp', () => {
  it('copies a file and a directory out of a container, with tar’s notice on stdout', () => {
    const c = cluster();
    k(c, 'exec box -- sh -c "echo hello > /tmp/greeting.txt; echo bye > /tmp/sub/bye.txt"');
    expect(c.kubectl('cp box:/tmp/greeting.txt greeting.txt')).toEqual({ exitCode: 0, stdout: "tar: removing leading '/' from member names\n", stderr: '', localFiles: { 'greeting.txt': 'hello\n' } });
    expect(c.kubectl('cp default/box:/tmp ./saved').localFiles).toEqual({ 'saved/greeting.txt': 'hello\n', 'saved/sub/bye.txt': 'bye\n' });
    expect(c.kubectl('cp box:/etc/config/mode mode.txt -c main').localFiles).toEqual({ 'mode.txt': 'fast' });
    // GNU tar (Debian-based images) words it its own way.
    expect(c.kubectl('cp web:/etc/hostname hostname').stdout).toBe("tar: Removing leading `/' from member names\n");
    // A relative path is relative to the container's working directory, with no notice.
    expect(c.kubectl('cp box:tmp/greeting.txt g')).toMatchObject({ stdout: '', localFiles: { g: 'hello\n' } });
  });

  it('reports what tar and kubectl report when a copy out cannot be made', () => {
    const c = cluster();
    // tar complains but its (empty) archive ends normally: kubectl exits 0 before tar's status arrives.
    expect(c.kubectl('cp box:/nope nope')).toEqual({ exitCode: 0, stdout: 'tar: /nope: No such file or directory\ntar: error exit delayed from previous errors\n', stderr: '' });
    expect(c.kubectl('cp box:/etc/hostname .')).toMatchObject({ exitCode: 1, stderr: 'error: open .: is a directory\n' });
    expect(c.kubectl('cp nope:/etc/hostname h').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(c.kubectl('cp a b').stderr).toBe('error: one of src or dest must be a remote file specification\n');
    expect(c.kubectl('cp box:/a web:/b').stderr).toBe('error: one of src or dest must be a local file specification\n');
    expect(c.kubectl('cp box: b').stderr).toBe('error: filepath can not be empty\n');
    expect(c.kubectl('cp a/b/c:/x y').stderr).toBe('error: filespec must match the canonical format: [[namespace/]pod:]file/path\n');
    expect(c.kubectl('cp only').stderr).toBe('error: source and destination are required\n');
  });

  it('copies a local file into a container: into a directory, or to a new name', () => {
    const c = cluster();
    const files = { 'notes.txt': 'ünïcode notes\n', 'site/index.html': '<h1>hi</h1>\n', 'site/css/a.css': 'h1{}\n' };
    expect(c.kubectl('cp notes.txt box:/tmp', { files })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(k(c, 'exec box -- cat /tmp/notes.txt')).toBe('ünïcode notes\n');
    expect(c.kubectl('cp ./notes.txt box:/tmp/renamed.txt', { files }).exitCode).toBe(0);
    expect(k(c, 'exec box -- cat /tmp/renamed.txt')).toBe('ünïcode notes\n');
    expect(c.kubectl('cp site box:/tmp/www', { files }).exitCode).toBe(0);
    expect(k(c, 'exec box -- ls /tmp/www')).toBe('css\nindex.html\n');
    expect(k(c, 'exec box -- cat /tmp/www/css/a.css')).toBe('h1{}\n');
    expect(c.kubectl('cp missing.txt box:/tmp', { files })).toMatchObject({ exitCode: 1, stderr: "error: missing.txt doesn't exist in local filesystem\n" });
    // A read-only mount refuses the write, in busybox tar's words.
    expect(c.kubectl('cp notes.txt box:/etc/config/notes.txt', { files })).toMatchObject({ exitCode: 1, stderr: "tar: can't open 'notes.txt': Read-only file system\ncommand terminated with exit code 1\n" });
  });
});
