/**
 * The doors between the project's parts (eslint.config.js) really close: an import that
 * crosses one the wrong way is an error `npm test` reports, and the ones the design allows
 * pass. Each case lints a small file as if it sat at the given place in the tree.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

describe('architecture boundaries', () => {
  it.each([
    ['the engine imports the app', 'src/engine/api/x.ts', "import { useCluster } from '../../ui/store/clusterStore';\nexport const x = useCluster;"],
    ['the engine imports a lesson', 'src/engine/controllers/x.ts', "import { LESSONS } from '../../lessons/catalog';\nexport const x = LESSONS;"],
    ['the app reaches past the port', 'src/ui/components/x.ts', "import { Cluster } from '../../engine/cluster/cluster';\nexport const x = Cluster;"],
    ['a lesson reads the scheduler', 'src/lessons/x.ts', "import { Scheduler } from '../engine/scheduler/scheduler';\nexport const x = Scheduler;"],
    ['kubectl holds a kubelet', 'src/engine/kubectl/verbs/x.ts', "import { Kubelet } from '../../kubelet/kubelet';\nexport const x = Kubelet;"],
    ['kubectl reads metrics-server directly', 'src/engine/kubectl/verbs/x.ts', "import { MetricsServer } from '../../metrics/metricsServer';\nexport const x = MetricsServer;"],
    ['the API layer imports a controller', 'src/engine/api/x.ts', "import { DeploymentController } from '../controllers/deployment';\nexport const x = DeploymentController;"],
    ['the client machinery imports a component', 'src/engine/client/x.ts', "import { Scheduler } from '../scheduler/scheduler';\nexport const x = Scheduler;"],
    ['a controller imports the cluster', 'src/engine/controllers/x.ts', "import { Cluster } from '../cluster/cluster';\nexport const x = Cluster;"],
    ['a controller reads the scheduler', 'src/engine/controllers/x.ts', "import { SchedulingQueue } from '../scheduler/queue';\nexport const x = SchedulingQueue;"],
    ['the HPA holds metrics-server', 'src/engine/controllers/hpa/x.ts', "import { MetricsServer } from '../../metrics/metricsServer';\nexport const x = MetricsServer;"],
    ['the scheduler holds a kubelet', 'src/engine/scheduler/x.ts', "import { Kubelet } from '../kubelet/kubelet';\nexport const x = Kubelet;"],
  ])('refuses: %s', async (_what, file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['the app uses the port', 'src/ui/components/x.ts', "import { createCluster } from '../../engine/port';\nexport const x = createCluster;"],
    ['a lesson uses the port', 'src/lessons/x.ts', "import { createCluster } from '../engine/port';\nexport const x = createCluster;"],
    ['a controller uses the client machinery and the API', 'src/engine/controllers/x.ts', "import { WorkQueue } from '../client/context';\nimport { ApiServer } from '../api/server';\nexport const x = [WorkQueue, ApiServer];"],
    ['kubectl uses shared helpers', 'src/engine/kubectl/verbs/x.ts', "import { controlledBy } from '../../helpers/podutil';\nexport const x = controlledBy;"],
    ['the cluster assembles components', 'src/engine/cluster/x.ts', "import { Scheduler } from '../scheduler/scheduler';\nexport const x = Scheduler;"],
  ])('allows: %s', async (_what, file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
