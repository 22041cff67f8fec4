/**
 * The Kubernetes-compatible API over HTTP: authentication (the kubeconfig's bearer token —
 * any web page can reach a loopback port, so nothing is served without it but /version and
 * the health checks, as a real server's public-info role allows), bodies (JSON, YAML, and the
 * protobuf that client-go sends for built-in kinds), and the streams: watches over chunked
 * HTTP and WebSocket, `logs -f`, exec over WebSocket (./execSocket.ts). Everything else is the
 * engine's own REST layer (src/engine/rest), reached through the host.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { EXEC_CONTENT_TYPE, MAX_BODY_BYTES, type ExecAnswer, type RestRequest, type RestResponse, type WatchEvent } from '../engine/port';
import type { EngineRunner } from './engineRunner';
import { decodeProtobufBody, ProtobufError } from './protobuf';
import { CHANNEL_PROTOCOLS, readExecStdin, sendExecAnswer } from './execSocket';

/** A watch whose client stops reading is ended once this much is queued for it (it lists again): memory stays bounded. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;
/** How often a `logs -f` looks for new lines (wall ms). */
const FOLLOW_POLL_MS = 500;

const PUBLIC_PATHS = /^\/(version|healthz|readyz|livez)(\/|$)/;

function status(code: number, reason: string, message: string): RestResponse {
  return { status: code, contentType: 'application/json', body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code } };
}

export interface HttpApiOptions {
  runner: EngineRunner;
  token: string;
  /** Told of every request answered (the server's log line). */
  log?: (line: string) => void;
}

export class HttpApi {
  private readonly wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => pickProtocol(protocols) });
  private readonly sockets = new Set<{ close(): void }>();

  constructor(private readonly opts: HttpApiOptions) {}

  /**
   * The request's credentials: the admin's token is checked here (and never logged); any other
   * bearer token, and the Impersonate-* headers, go to the engine with the request, which
   * knows the ServiceAccounts and RBAC. Undefined when there is no token at all (401).
   */
  private credentials(req: IncomingMessage, protocols: string[] = []): RestRequest['auth'] | 'admin' | undefined {
    const header = req.headers.authorization ?? '';
    let token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    // Browsers cannot set headers on a WebSocket: the API server also takes the token as a subprotocol.
    const viaProtocol = protocols.find((p) => p.startsWith('base64url.bearer.authorization.k8s.io.'));
    if (!token && viaProtocol) token = Buffer.from(viaProtocol.slice('base64url.bearer.authorization.k8s.io.'.length), 'base64url').toString();
    if (!token) return undefined;
    const a = Buffer.from(token);
    const b = Buffer.from(this.opts.token);
    const auth: NonNullable<RestRequest['auth']> = a.length === b.length && timingSafeEqual(a, b) ? {} : { token };
    const distinct = req.headersDistinct;
    const user = distinct['impersonate-user']?.[0];
    const groups = distinct['impersonate-group'] ?? [];
    const uid = distinct['impersonate-uid']?.[0];
    if (user !== undefined || groups.length || uid !== undefined) auth.impersonate = { ...(user !== undefined ? { user } : {}), ...(groups.length ? { groups } : {}), ...(uid !== undefined ? { uid } : {}) };
    return auth.token === undefined && !auth.impersonate ? 'admin' : auth;
  }

  /** Plain HTTP requests (everything but WebSocket upgrades). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const auth = this.credentials(req);
    if (!PUBLIC_PATHS.test(url.pathname) && !auth) return this.write(res, status(401, 'Unauthorized', 'Unauthorized'));
    let body: string | undefined;
    let contentType = headerValue(req.headers['content-type']);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const raw = await readBody(req);
      if (raw === 'too large') return this.write(res, status(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_BODY_BYTES}`));
      if (raw.length) {
        if (/^application\/vnd\.kubernetes\.protobuf/.test(contentType ?? '')) {
          try {
            body = JSON.stringify(decodeProtobufBody(raw));
            contentType = 'application/json';
          } catch (e) {
            if (e instanceof ProtobufError) return this.write(res, status(400, 'BadRequest', e.message));
            throw e;
          }
        } else body = raw.toString('utf8');
      }
    }
    const request: RestRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.search.slice(1) };
    const accept = headerValue(req.headers.accept);
    if (accept) request.accept = accept;
    if (contentType) request.contentType = contentType;
    if (body !== undefined) request.body = body;
    const ua = headerValue(req.headers['user-agent']);
    if (ua) request.userAgent = ua;
    if (auth && auth !== 'admin') request.auth = auth;
    const host = this.opts.runner.host;
    if (isWatch(url)) return this.watchOverHttp(request, res);
    if (url.searchParams.get('follow') === 'true' && /\/pods\/[^/]+\/log$/.test(url.pathname)) return this.followLogs(request, res);
    const answer = host.serve(request);
    host.flush();
    this.opts.log?.(`${request.method} ${req.url} ${answer.status}`);
    this.write(res, answer);
  }

  private write(res: ServerResponse, answer: RestResponse): void {
    const text = answer.body instanceof Uint8Array ? Buffer.from(answer.body) : typeof answer.body === 'string' && !answer.contentType.startsWith('application/json') ? answer.body : JSON.stringify(answer.body);
    const headers: Record<string, string | string[]> = { 'Content-Type': answer.contentType, 'Cache-Control': 'no-cache, private', 'Content-Length': String(Buffer.byteLength(text)) };
    if (answer.warnings?.length) headers.Warning = answer.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
    res.writeHead(answer.status, headers);
    res.end(text);
  }

  private watchOverHttp(request: RestRequest, res: ServerResponse): void {
    const host = this.opts.runner.host;
    let ended = false;
    // Set once the watch is open (events may arrive while it opens: the initial ADDED ones).
    const open: { stream?: { close(): void }; timer?: ReturnType<typeof setTimeout> } = {};
    const end = () => {
      if (ended) return;
      ended = true;
      if (open.timer) clearTimeout(open.timer);
      open.stream?.close();
      this.sockets.delete(entry);
      res.end();
    };
    const entry = { close: end };
    const send = (e: WatchEvent) => {
      if (ended) return;
      if (!res.headersSent) res.writeHead(200, { 'Content-Type': contentTypeFor(request), 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
      res.write(`${JSON.stringify(e)}\n`);
      if (res.writableLength > MAX_QUEUED_BYTES) end();
    };
    const opened = host.watchApi(request, send, end);
    if ('error' in opened) return this.write(res, opened.error);
    open.stream = opened.stream;
    this.sockets.add(entry);
    if (!res.headersSent) {
      res.writeHead(200, { 'Content-Type': opened.contentType, 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
      res.flushHeaders();
    }
    // An expired start (410 in the stream) ends at once, as the API server's does.
    if (opened.finished) return end();
    open.timer = setTimeout(end, (opened.timeoutSeconds ?? 1800) * 1000);
    res.on('close', end);
    this.opts.log?.(`WATCH ${request.path}?${request.query}`);
  }

  /**
   * New log lines of a container as the clock runs: each poll asks for what was written after
   * the last one's simulated moment (to the millisecond), so nothing repeats or goes missing,
   * however long the log. Calls `write` with each batch; returns a stop function. `ended` is told
   * when the pod is gone or the container has ended.
   */
  private streamLogs(request: RestRequest, write: (text: string) => boolean, ended: () => void): () => void {
    const host = this.opts.runner.host;
    const q = new URLSearchParams(request.query);
    for (const k of ['follow', 'tailLines', 'sinceSeconds', 'sinceTime', 'limitBytes']) q.delete(k);
    let after = host.position().now;
    const timer = setInterval(() => {
      const now = host.position().now;
      if (now <= after) return;
      q.set('sinceTime', new Date(after + 1).toISOString());
      const next = host.serve({ ...request, query: q.toString() });
      after = now;
      if (next.status !== 200) {
        clearInterval(timer);
        return ended();
      }
      const text = String(next.body);
      if ((text && !write(text)) || containerEnded(host.serve({ ...request, method: 'GET', path: request.path.replace(/\/log$/, ''), query: '' }), q.get('container'))) {
        clearInterval(timer);
        ended();
      }
    }, FOLLOW_POLL_MS);
    return () => clearInterval(timer);
  }

  /** `kubectl logs -f`: what is there, then new lines as the container writes them, until the client goes or the pod does. */
  private followLogs(request: RestRequest, res: ServerResponse): void {
    const host = this.opts.runner.host;
    const q = new URLSearchParams(request.query);
    q.delete('follow');
    const first = host.serve({ ...request, query: q.toString() });
    if (first.status !== 200) return this.write(res, first);
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.write(String(first.body));
    const finish = () => {
      stopStream();
      this.sockets.delete(entry);
      res.end();
    };
    const stopStream = this.streamLogs(request, (text) => (res.write(text), res.writableLength <= MAX_QUEUED_BYTES), finish);
    const entry = { close: finish };
    this.sockets.add(entry);
    res.on('close', stopStream);
  }

  /** WebSocket upgrades: exec (v5/v4 channels) and watches (Headlamp watches over WebSocket). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const protocols = headerValue(req.headers['sec-websocket-protocol'])?.split(',').map((p) => p.trim()) ?? [];
    const auth = this.credentials(req, protocols);
    if (!auth) return rejectUpgrade(socket, status(401, 'Unauthorized', 'Unauthorized'));
    const request: RestRequest = { method: 'GET', path: url.pathname, query: url.search.slice(1) };
    if (auth !== 'admin') request.auth = auth;
    const ua = headerValue(req.headers['user-agent']);
    if (ua) request.userAgent = ua;
    const host = this.opts.runner.host;
    if (/\/pods\/[^/]+\/portforward$/.test(url.pathname)) return rejectUpgrade(socket, status(400, 'BadRequest', 'port-forward is not available in this simulator: its containers listen on no real port; reach a Service from inside the cluster with kubectl exec POD -- curl http://SERVICE instead'));
    if (/\/pods\/[^/]+\/(exec|attach)$/.test(url.pathname)) {
      if (url.pathname.endsWith('/attach')) return this.attach(req, socket, head, request);
      if (url.searchParams.get('stdin') === 'true' || url.searchParams.get('stdin') === '1') return this.execWithStdin(req, socket, head, request);
      const answer = host.serve(request);
      host.flush();
      if (answer.status !== 200 || answer.contentType !== EXEC_CONTENT_TYPE) return rejectUpgrade(socket, answer);
      this.wss.handleUpgrade(req, socket, head, (ws) => sendExecAnswer(ws, answer.body as ExecAnswer));
      return;
    }
    if (isWatch(url)) {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.watchOverSocket(request, ws));
      return;
    }
    rejectUpgrade(socket, status(400, 'BadRequest', 'only exec and watch requests are served over WebSocket'));
  }

  /**
   * An exec that reads stdin (`kubectl cp` into a container): the pod and container are checked
   * first (a refusal is the upgrade's answer), then stdin is read to its end and the command run.
   */
  private execWithStdin(req: IncomingMessage, socket: Duplex, head: Buffer, request: RestRequest): void {
    const host = this.opts.runner.host;
    const probe = host.serve({ ...request, query: request.query?.replace(/(^|&)command=[^&]*/g, '') + '&command=true' });
    host.flush();
    if (probe.status !== 200 || probe.contentType !== EXEC_CONTENT_TYPE) return rejectUpgrade(socket, probe);
    this.wss.handleUpgrade(req, socket, head, (ws) =>
      readExecStdin(ws, (stdin) => {
        const answer = host.serve({ ...request, body: stdin });
        host.flush();
        if (answer.status !== 200 || answer.contentType !== EXEC_CONTENT_TYPE) return sendExecAnswer(ws, { stdout: '', stderr: `${(answer.body as { message?: string })?.message ?? 'exec failed'}\n`, exitCode: 1 });
        sendExecAnswer(ws, answer.body as ExecAnswer);
      }),
    );
  }

  /**
   * `kubectl attach`: the container's output from now on, on the stdout channel, until the
   * client leaves or the pod goes. The simulated containers read no input, so stdin (and a TTY)
   * are accepted and ignored.
   */
  private attach(req: IncomingMessage, socket: Duplex, head: Buffer, request: RestRequest): void {
    const host = this.opts.runner.host;
    const path = request.path.replace(/\/attach$/, '');
    const q = new URLSearchParams(request.query);
    const container = q.get('container');
    const logs: RestRequest = { ...request, path: `${path}/log`, query: container ? `container=${encodeURIComponent(container)}` : '' };
    // The pod and container must be there (and started) before the upgrade, as the kubelet checks.
    const probe = host.serve({ ...logs, query: `${logs.query}${logs.query ? '&' : ''}tailLines=0` });
    if (probe.status !== 200) return rejectUpgrade(socket, probe);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const close = () => {
        stopStream();
        this.sockets.delete(entry);
        if (ws.readyState === ws.OPEN) sendExecAnswer(ws, { stdout: '', stderr: '', exitCode: 0 });
      };
      const stopStream = this.streamLogs(logs, (text) => (ws.send(Buffer.concat([Buffer.from([1]), Buffer.from(text)])), ws.bufferedAmount <= MAX_QUEUED_BYTES), close);
      const entry = { close };
      this.sockets.add(entry);
      ws.on('close', () => {
        stopStream();
        this.sockets.delete(entry);
      });
    });
  }

  private watchOverSocket(request: RestRequest, ws: WebSocket): void {
    const base64 = ws.protocol === 'base64.binary.k8s.io';
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      this.sockets.delete(entry);
      ws.close();
    };
    const entry = { close };
    const send = (e: WatchEvent) => {
      if (closed) return;
      const text = JSON.stringify(e);
      ws.send(base64 ? Buffer.from(text).toString('base64') : text);
      if (ws.bufferedAmount > MAX_QUEUED_BYTES) close();
    };
    const opened = this.opts.runner.host.watchApi(request, send, close);
    if ('error' in opened) {
      ws.send(JSON.stringify({ type: 'ERROR', object: opened.error.body }));
      return close();
    }
    if (opened.finished) return close();
    this.sockets.add(entry);
    ws.on('close', () => {
      opened.stream.close();
      close();
    });
  }

  /** Ends every open stream (the server is stopping). */
  closeAll(): void {
    for (const s of [...this.sockets]) s.close();
    this.wss.close();
  }
}

/** The followed container has ended (its last lines are written): `logs -f` and attach end with it, as the kubelet's streams do. */
function containerEnded(pod: RestResponse, container: string | null): boolean {
  if (pod.status !== 200) return false;
  const p = pod.body as { spec?: { containers?: { name: string }[] }; status?: Record<string, { name: string; state?: { terminated?: unknown } }[] | undefined> };
  const name = container ?? p.spec?.containers?.[0]?.name;
  const statuses = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? []), ...(p.status?.ephemeralContainerStatuses ?? [])];
  return !!statuses.find((s) => s.name === name)?.state?.terminated;
}

function isWatch(url: URL): boolean {
  const w = url.searchParams.get('watch');
  return w === '1' || w === 'true';
}

function contentTypeFor(request: RestRequest): string {
  return /as=Table/.test(request.accept ?? '') ? 'application/json;as=Table;v=v1;g=meta.k8s.io' : 'application/json';
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(', ') : v;
}

/** The body, or 'too large' past the API server's limit (read to its end, so the client sees the answer). */
function readBody(req: IncomingMessage): Promise<Buffer | 'too large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function rejectUpgrade(socket: Duplex, answer: RestResponse): void {
  const text = JSON.stringify(answer.body);
  const reason = answer.status === 401 ? 'Unauthorized' : answer.status === 404 ? 'Not Found' : answer.status === 400 ? 'Bad Request' : 'Error';
  socket.end(`HTTP/1.1 ${answer.status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
}

function pickProtocol(protocols: Set<string>): string | false {
  for (const p of [...CHANNEL_PROTOCOLS, 'base64.binary.k8s.io', 'binary.k8s.io']) if (protocols.has(p)) return p;
  return false;
}
