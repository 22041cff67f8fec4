/** The default profile's plugins, in kube-scheduler's order, with their default score weights. */
import type { FilterPlugin, ScorePlugin } from '../framework';
import { NodeUnschedulable } from './nodeunschedulable';
import { NodeName } from './nodename';
import { TaintTolerationFilter, TaintTolerationScore } from './tainttoleration';
import { NodeAffinityFilter, NodeAffinityScore } from './nodeaffinity';
import { NodePorts } from './nodeports';
import { NodeResourcesFitFilter, NodeResourcesFitScore } from './noderesourcesfit';
import { PodTopologySpreadFilter, PodTopologySpreadScore } from './podtopologyspread';
import { InterPodAffinityFilter, InterPodAffinityScore } from './interpodaffinity';
import { NodeResourcesBalancedAllocation } from './balancedallocation';
import { ImageLocality } from './imagelocality';
import { VolumeBinding } from './volumebinding';

export const FILTER_PLUGINS: FilterPlugin[] = [NodeUnschedulable, NodeName, TaintTolerationFilter, NodeAffinityFilter, NodePorts, NodeResourcesFitFilter, VolumeBinding, PodTopologySpreadFilter, InterPodAffinityFilter];

export const SCORE_PLUGINS: ScorePlugin[] = [TaintTolerationScore, NodeAffinityScore, NodeResourcesFitScore, PodTopologySpreadScore, InterPodAffinityScore, NodeResourcesBalancedAllocation, ImageLocality];
