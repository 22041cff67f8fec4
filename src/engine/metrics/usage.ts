/**
 * What a running container uses, as cAdvisor would measure it: an idle baseline per image,
 * more CPU and memory per request per second it serves, whatever `stress` was told to burn,
 * a whole core for a shell loop that never sleeps — with CPU throttled at the container's
 * limit (CFS quota). Values wobble a few percent from one metrics window to the next, from a
 * hash rather than the cluster's RNG, so reading metrics never changes the simulation.
 */
import { bytes, milliCpu } from '../api/quantity';
import type { Usage } from '../api/subresources';
import type { ContainerProgram } from '../kubelet/runtime';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

interface Profile {
  /** Idle millicores and MiB. */
  cpu: number;
  memMi: number;
  /** Extra millicores and MiB per request per second. */
  cpuPerRps: number;
  memMiPerRps: number;
}

const MI = 1024 * 1024;
const DEFAULT: Profile = { cpu: 1, memMi: 8, cpuPerRps: 0.3, memMiPerRps: 0.02 };
const PROFILES: Record<string, Profile> = {
  nginx: { cpu: 1, memMi: 3, cpuPerRps: 0.25, memMiPerRps: 0.02 },
  'nginx-slim': { cpu: 1, memMi: 3, cpuPerRps: 0.25, memMiPerRps: 0.02 },
  httpd: { cpu: 1, memMi: 8, cpuPerRps: 0.4, memMiPerRps: 0.05 },
  // The HPA walkthrough's php-apache computes square roots for every request.
  'hpa-example': { cpu: 1, memMi: 10, cpuPerRps: 10, memMiPerRps: 0.05 },
  redis: { cpu: 2, memMi: 3, cpuPerRps: 0.05, memMiPerRps: 0 },
  busybox: { cpu: 0, memMi: 0.4, cpuPerRps: 0.3, memMiPerRps: 0 },
  alpine: { cpu: 0, memMi: 0.5, cpuPerRps: 0.3, memMiPerRps: 0 },
  coredns: { cpu: 3, memMi: 15, cpuPerRps: 0.1, memMiPerRps: 0 },
  etcd: { cpu: 25, memMi: 60, cpuPerRps: 0, memMiPerRps: 0 },
  'kube-apiserver': { cpu: 45, memMi: 250, cpuPerRps: 0, memMiPerRps: 0 },
  'kube-controller-manager': { cpu: 15, memMi: 50, cpuPerRps: 0, memMiPerRps: 0 },
  'kube-scheduler': { cpu: 4, memMi: 22, cpuPerRps: 0, memMiPerRps: 0 },
  'kube-proxy': { cpu: 1, memMi: 15, cpuPerRps: 0, memMiPerRps: 0 },
  'metrics-server': { cpu: 4, memMi: 20, cpuPerRps: 0, memMiPerRps: 0 },
};

export type { Usage };

/** A container process whose loop never sleeps keeps one core busy. */
function busyLoop(program: ContainerProgram): boolean {
  return program.steps.some((s) => s.kind === 'loop' && !s.body.some((b) => b.kind === 'sleep' && b.ms > 0));
}

/** 32-bit FNV-1a: a stable wobble per container and metrics period. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4294967296;
}

export function containerUsage(program: ContainerProgram, spec: Any, rps: number, wobbleKey: string): Usage {
  const p = PROFILES[program.image] ?? DEFAULT;
  const wobble = 0.92 + hash(wobbleKey) * 0.16;
  let cpu = (p.cpu + p.cpuPerRps * rps) * wobble + program.milliCpu;
  if (busyLoop(program)) cpu = Math.max(cpu, 1000);
  const limit = milliCpu(spec?.resources?.limits?.cpu);
  if (limit > 0) cpu = Math.min(cpu, limit);
  const memory = (p.memMi + p.memMiPerRps * rps) * MI * (0.97 + hash(`${wobbleKey}/m`) * 0.06) + program.memoryBytes;
  const memLimit = bytes(spec?.resources?.limits?.memory);
  return { cpu: Math.round(cpu), memory: Math.round(memLimit > 0 ? Math.min(memory, memLimit) : memory) };
}

/** The node's own daemons (kubelet, containerd, systemd …) before any pod. */
export function systemOverhead(node: string, window: number): Usage {
  return { cpu: Math.round(28 + hash(`${node}/${window}`) * 10), memory: Math.round((310 + hash(`${node}/mem`) * 40) * MI) };
}
