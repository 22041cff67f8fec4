/** A machine the cloud provider brings up (the cluster's first nodes, or the autoscaler's): its kubelet registers it as a Node of this shape. */
export interface NodeSpec {
  name: string;
  role?: 'control-plane' | 'worker';
  cpu?: number;
  memoryGi?: number;
  pods?: number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
}
