/**
 * What is written on volumes, so learners can watch data outlive a pod: files keyed by the
 * volume's identity (a cloud disk's handle, an NFS export, a path on one node). Deleting a
 * cloud disk erases its files; a hostPath directory stays with its node.
 */
export class VolumeData {
  private volumes = new Map<string, Map<string, string>>();

  /** The files of a volume, by path relative to its root (created empty on first use). */
  files(key: string): Map<string, string> {
    let f = this.volumes.get(key);
    if (!f) this.volumes.set(key, (f = new Map()));
    return f;
  }

  erase(key: string): void {
    this.volumes.delete(key);
  }

  /** A file's content, without creating anything (for checks from outside the cluster). */
  read(key: string, path: string): string | undefined {
    return this.volumes.get(key)?.get(path);
  }

  has(key: string): boolean {
    return (this.volumes.get(key)?.size ?? 0) > 0;
  }
}
