/**
 * Every class whose instances a cluster's state holds, by a stable name: a checkpoint kept as
 * data (../sim/persistable.ts) writes an instance with its class's name and reads it back with
 * that class's prototype. A class missing here makes keeping a checkpoint refuse, naming it
 * (persistable.test.ts runs a rich session through it). The names are this list's keys, not
 * the classes' own names, which a minifier changes.
 */
import { persistentClasses } from '../sim/persistable';
import { ServiceIpAllocator } from '../api/admission';
import { RbacAuthorizer } from '../api/auth/rbac';
import { EventStore } from '../api/events';
import { TypeRegistry } from '../api/registry';
import { ApiServer } from '../api/server';
import { ObjectStore, ResourceTable } from '../api/store';
import { WorkQueue } from '../client/context';
import { ReasonLog } from '../client/reasons';
import { ClusterAutoscaler } from '../cloud/clusterautoscaler';
import { CloudServiceController } from '../cloud/servicecontroller';
import { Cluster } from './cluster';
import { KubeletFleet } from './kubeletFleet';
import { ClusterRoleAggregationController } from '../controllers/clusterroleaggregation';
import { CrdEstablishingController } from '../controllers/crdestablishing';
import { CrdFinalizerController } from '../controllers/crdfinalizer';
import { CrdNamingController } from '../controllers/crdnaming';
import { CronJobController } from '../controllers/cronjob';
import { DaemonSetController } from '../controllers/daemonset';
import { DeploymentController } from '../controllers/deployment';
import { DisruptionController } from '../controllers/disruption';
import { EndpointsController } from '../controllers/endpoints';
import { EndpointSliceController } from '../controllers/endpointslice';
import { GarbageCollector } from '../controllers/garbagecollector';
import { HorizontalPodAutoscalerController } from '../controllers/hpa/controller';
import { JobController } from '../controllers/job';
import { NamespaceController } from '../controllers/namespace';
import { NodeLifecycleController } from '../controllers/nodelifecycle';
import { PodGarbageCollector } from '../controllers/podgc';
import { ReplicaSetController } from '../controllers/replicaset';
import { ResourceQuotaController } from '../controllers/resourcequota';
import { RootCaCertPublisher } from '../controllers/rootcacertpublisher';
import { ServiceAccountsController } from '../controllers/serviceaccount';
import { StatefulSetController } from '../controllers/statefulset';
import { SystemNamespacesController } from '../controllers/systemnamespaces';
import { TaintEvictionController } from '../controllers/tainteviction';
import { TtlAfterFinishedController } from '../controllers/ttlafterfinished';
import { Kubelet } from '../kubelet/kubelet';
import { NodeImageStatus } from '../kubelet/nodeStatus';
import { StatusManager } from '../kubelet/statusManager';
import { MetricsServer } from '../metrics/metricsServer';
import { IngressNginxController } from '../network/ingress';
import { LoadGenerators } from '../network/loadGenerators';
import { NetworkPolicyEvaluator } from '../network/networkPolicy';
import { TrafficModel } from '../network/traffic';
import { AttemptLog } from '../scheduler/attempts';
import { SchedulerCache } from '../scheduler/cache';
import { NodeMemos } from '../scheduler/memo';
import { PodNominator } from '../scheduler/nominator';
import { VolumePreBinder } from '../scheduler/prebind';
import { PreemptionEvaluator } from '../scheduler/preemption';
import { SchedulingQueue } from '../scheduler/queue';
import { NodeRanking, ScoredNode } from '../scheduler/ranking';
import { Scheduler } from '../scheduler/scheduler';
import { SignatureIds } from '../scheduler/signature';
import { SimClock } from '../sim/clock';
import { Rng } from '../sim/rng';
import { AttachDetachController } from '../storage/attachdetach';
import { PvProtectionController, PvcProtectionController } from '../storage/protection';
import { DiskProvisioner } from '../storage/provisioner';
import { PersistentVolumeController } from '../storage/pvcontroller';
import { VolumeData } from '../storage/volumeData';
import { BinaryHeap } from '../util/heap';

persistentClasses({
  ApiServer,
  AttachDetachController,
  AttemptLog,
  BinaryHeap,
  CloudServiceController,
  Cluster,
  ClusterAutoscaler,
  ClusterRoleAggregationController,
  CrdEstablishingController,
  CrdFinalizerController,
  CrdNamingController,
  CronJobController,
  DaemonSetController,
  DeploymentController,
  DiskProvisioner,
  DisruptionController,
  EndpointSliceController,
  EndpointsController,
  EventStore,
  GarbageCollector,
  HorizontalPodAutoscalerController,
  IngressNginxController,
  JobController,
  Kubelet,
  KubeletFleet,
  LoadGenerators,
  MetricsServer,
  NamespaceController,
  NetworkPolicyEvaluator,
  NodeImageStatus,
  NodeLifecycleController,
  NodeMemos,
  NodeRanking,
  ObjectStore,
  PersistentVolumeController,
  PodGarbageCollector,
  PodNominator,
  PreemptionEvaluator,
  PvProtectionController,
  PvcProtectionController,
  RbacAuthorizer,
  ReasonLog,
  ReplicaSetController,
  ResourceQuotaController,
  ResourceTable,
  Rng,
  RootCaCertPublisher,
  Scheduler,
  SchedulerCache,
  SchedulingQueue,
  ScoredNode,
  ServiceAccountsController,
  ServiceIpAllocator,
  SignatureIds,
  SimClock,
  StatefulSetController,
  StatusManager,
  SystemNamespacesController,
  TaintEvictionController,
  TrafficModel,
  TtlAfterFinishedController,
  TypeRegistry,
  VolumeData,
  VolumePreBinder,
  WorkQueue,
});
