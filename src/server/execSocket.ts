/**
 * `kubectl exec` over WebSocket, as the API server proxies it from the kubelet: the
 * channel.k8s.io framing (each message's first byte names the stream — 1 stdout, 2 stderr,
 * 3 the final status), versions v5 (kubectl ≥ 1.30) and v4 (@kubernetes/client-node). The
 * simulated containers run one command and answer at once, so the whole answer is sent and
 * the socket closed. With stdin=true, stdin (channel 0) is read to its end first.
 */
import type { WebSocket } from 'ws';
import type { ExecAnswer } from '../engine/port';

export const CHANNEL_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'channel.k8s.io'];

const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;

function frame(channel: number, text: string, binary = false): Buffer {
  return Buffer.concat([Buffer.from([channel]), Buffer.from(text, binary ? 'latin1' : 'utf8')]);
}

/** v5.channel.k8s.io's CLOSE signal: 255 then the stream id (kubectl sends it for stdin at EOF). */
const CLOSE = 255;
const STDIN = 0;

/**
 * Reads stdin (channel 0) until the client closes it (v5's CLOSE signal, or the socket itself),
 * then hands it over as a byte string: what `kubectl cp` streams into `tar -x`.
 */
export function readExecStdin(ws: WebSocket, done: (stdin: string) => void): void {
  const chunks: Buffer[] = [];
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    done(Buffer.concat(chunks).toString('latin1'));
  };
  ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (buf.length === 0) return;
    if (buf[0] === STDIN) chunks.push(buf.subarray(1));
    else if (buf[0] === CLOSE && buf[1] === STDIN) finish();
  });
  ws.on('close', finish);
}

/** The v4 status on channel 3: Success, or NonZeroExitCode with the code as an ExitCode cause (what kubectl turns into its exit status). */
export function execStatus(a: ExecAnswer): unknown {
  if (a.exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command, exit code ${a.exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(a.exitCode) }] },
  };
}

export function sendExecAnswer(ws: WebSocket, a: ExecAnswer): void {
  if (ws.readyState !== ws.OPEN) return;
  // tar prints its notices before it writes the archive; kubectl cp stops reading once the archive ends.
  if (a.binary && a.stderr) ws.send(frame(STDERR, a.stderr));
  if (a.stdout) ws.send(frame(STDOUT, a.stdout, a.binary === true));
  if (!a.binary && a.stderr) ws.send(frame(STDERR, a.stderr));
  // channel.k8s.io (v1) carries the error as plain text, and nothing on success.
  if (ws.protocol === 'channel.k8s.io') {
    if (a.exitCode !== 0) ws.send(frame(ERROR, `command terminated with non-zero exit code: exit code ${a.exitCode}`));
  } else ws.send(frame(ERROR, JSON.stringify(execStatus(a))));
  ws.close(1000);
}
