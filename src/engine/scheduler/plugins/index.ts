/** The default profile's plugins, in kube-scheduler's order, with their default score weights. */
import type { FilterPlugin, ScorePlugin } from '../framework';
import { NodeUnschedulable } from './nodeunschedulable';
import { NodeName } from './nodename';
import { TaintTolerationFilter, TaintTolerationScore } from './tainttoleration';
import { NodeAffinityFilter, NodeAffinityScore } from './nodeaffinity';
import { NodeResourcesFitFilter, NodeResourcesFitScore } from './noderesourcesfit';
import { NodeResourcesBalancedAllocation } from './balancedallocation';
import { PodTopologySpreadScore } from './podtopologyspread';

export const FILTER_PLUGINS: FilterPlugin[] = [NodeUnschedulable, NodeName, TaintTolerationFilter, NodeAffinityFilter, NodeResourcesFitFilter];

export const SCORE_PLUGINS: ScorePlugin[] = [TaintTolerationScore, NodeAffinityScore, NodeResourcesFitScore, PodTopologySpreadScore, NodeResourcesBalancedAllocation];
