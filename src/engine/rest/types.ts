/**
 * An HTTP request to the simulated API server and its answer, as plain data: the Node server
 * (src/server) turns sockets into these, and they can cross a worker's boundary or sit in the
 * action log (a request that changed the cluster replays as itself).
 */
export interface RestRequest {
  method: string;
  /** The URL path, e.g. `/api/v1/namespaces/default/pods`. */
  path: string;
  /** The query string without its `?`. */
  query?: string;
  accept?: string;
  contentType?: string;
  /** The body as text: JSON or YAML (a protobuf body is decoded to JSON before it gets here). */
  body?: string;
  /** Who sent it, for the diagram's request animation (`kubectl`, `k9s`, `node` …). */
  userAgent?: string;
  /**
   * Credentials other than the admin's (checked by the Node server, never logged): a bearer
   * token the cluster issued (a ServiceAccount's), and the Impersonate-* headers. Absent: the admin.
   */
  auth?: { token?: string; impersonate?: { user?: string; groups?: string[]; uid?: string } };
}

export interface RestResponse {
  status: number;
  contentType: string;
  /** A JSON value (serialised by whoever sends it), or text when `contentType` is text/plain. */
  body: unknown;
  /** `Warning` headers (299 - "…"), e.g. an unknown field dropped under fieldValidation=Warn. */
  warnings?: string[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: unknown;
}

/** A watch being served: events arrive through the callback given when it was opened. */
export interface WatchStream {
  close(): void;
}
