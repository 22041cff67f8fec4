/**
 * The API's TLS: real clients send the kubeconfig's bearer token over HTTPS only (client-go
 * drops it on plain HTTP), so the server makes itself a certificate for 127.0.0.1 at start
 * (the `selfsigned` library, on Node's WebCrypto), and the kubeconfig names that certificate
 * as the cluster's CA — as kind and minikube write theirs.
 */
import selfsigned from 'selfsigned';

export interface ServerCertificate {
  key: string;
  cert: string;
}

export async function serverCertificate(): Promise<ServerCertificate> {
  const now = new Date();
  const notAfter = new Date(now.getTime() + 365 * 24 * 3600 * 1000);
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'wheelhouse' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: 'kubernetes.default.svc' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
