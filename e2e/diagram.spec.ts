import { expect, test, type Page } from '@playwright/test';

const run = async (page: Page, cmd: string) => {
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill(cmd);
  await prompt.press('Enter');
};

test.describe('the cluster diagram', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  });

  test('draws the control plane, nodes, a Service with its endpoints, and opens a pod’s details', async ({ page }, info) => {
    await page.goto('/');
    const diagram = page.getByTestId('diagram');
    for (const c of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'cloud-controller-manager']) await expect(diagram.getByRole('button', { name: new RegExp(`\\(${c}\\)`) })).toBeVisible();
    await run(page, 'kubectl create deployment web --image=nginx --replicas=4');
    await run(page, 'kubectl expose deployment web --port=80');
    await page.getByRole('button', { name: 'Speed ×16' }).click();
    const pods = diagram.getByRole('button', { name: /^pod web-\w+-\w{5}: Running, 1\/1$/ });
    await expect(pods).toHaveCount(4);
    await expect(diagram.getByRole('button', { name: 'service web (ClusterIP), 4 endpoints' })).toBeVisible();
    // Requests travel as dots from kubectl to the API server and etcd.
    await run(page, 'kubectl scale deployment web --replicas=5');
    await expect(page.getByTestId('diagram-flows').locator('.flow').first()).toBeAttached();
    await expect(pods).toHaveCount(5);

    // Pointing at a pod shows what it is.
    await pods.first().hover();
    await expect(pods.first().locator('title')).toHaveText(/^default\/web-\w+-\w{5} — Running 1\/1 · Deployment\/web$/);
    await pods.first().click();
    const details = page.getByRole('region', { name: /^Details: Pod default\/web-/ });
    await expect(details).toBeVisible();
    await expect(details.getByRole('tabpanel')).toContainText('Status:');
    // The decision as it was made: the chosen node, and why the control plane was out.
    await expect(details.getByRole('table')).toContainText('— chosen');
    await expect(details.getByRole('table')).toContainText('untolerated taint');
    await details.getByRole('tab', { name: 'YAML' }).click();
    await expect(details.getByRole('tabpanel')).toContainText('kind: Pod');
    await details.getByRole('tab', { name: 'Events' }).click();
    await expect(details.getByRole('tabpanel')).toContainText('Scheduled');
    await details.getByRole('button', { name: 'Owner: Deployment web' }).click();
    await page.getByRole('region', { name: 'Details: Deployment default/web' }).getByRole('button', { name: 'One replica fewer' }).click();
    await expect(pods).toHaveCount(4);
    await page.screenshot({ path: info.outputPath('diagram-details.png') });

    // The list view says the same in text.
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await expect(page.getByRole('listitem', { name: /^pod web-\w+-\w{5}: Running, 1\/1$/ })).toHaveCount(4);
  });

  test('a pod label filter narrows the diagram and the list; a selector that does not parse says so and changes nothing', async ({ page }, info) => {
    await page.goto('/');
    const diagram = page.getByTestId('diagram');
    await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
    await run(page, 'kubectl create deployment api --image=nginx --replicas=2');
    await page.getByRole('button', { name: 'Speed ×16' }).click();
    const web = diagram.getByRole('button', { name: /^pod web-/ });
    const api = diagram.getByRole('button', { name: /^pod api-/ });
    await expect(web).toHaveCount(3);
    await expect(api).toHaveCount(2);
    const filter = page.getByRole('searchbox', { name: 'Pod labels' });
    await filter.fill('app=web');
    await expect(api).toHaveCount(0);
    await expect(web).toHaveCount(3);
    // Set-based selectors too, as kubectl -l reads them.
    await filter.fill('app in (web,api),app!=web');
    await expect(web).toHaveCount(0);
    await expect(api).toHaveCount(2);
    // Half-typed: an error under the filter, the picture as it was.
    await filter.fill('app in (web');
    await expect(page.getByRole('alert')).toContainText('Not a label selector');
    await expect(filter).toHaveAttribute('aria-invalid', 'true');
    await expect(api).toHaveCount(2);
    await page.screenshot({ path: info.outputPath('label-filter-error.png') });
    await filter.fill('app=api');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await expect(page.getByRole('listitem', { name: /^pod api-/ })).toHaveCount(2);
    await expect(page.getByRole('listitem', { name: /^pod web-/ })).toHaveCount(0);
    await filter.fill('');
    await expect(page.getByRole('listitem', { name: /^pod (web|api)-/ })).toHaveCount(5);
  });

  test('a pod no node accepts waits in the tray, and the scheduler says why', async ({ page }, info) => {
    await page.goto('/');
    for (const n of ['worker-1', 'worker-2', 'worker-3']) await run(page, `kubectl cordon ${n}`);
    await run(page, 'kubectl run picky --image=nginx');
    await page.getByRole('button', { name: 'Speed ×4' }).click();
    const diagram = page.getByTestId('diagram');
    const pod = diagram.getByRole('button', { name: /^pod picky: Pending/ });
    await expect(pod).toBeVisible();
    await pod.click();
    const details = page.getByRole('region', { name: 'Details: Pod default/picky' });
    await expect(details).toContainText('0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) were unschedulable.');
    await expect(details.getByRole('row', { name: /worker-1/ })).toContainText('NodeUnschedulable: node(s) were unschedulable');
    await expect(diagram.getByRole('button', { name: /^node worker-1: Ready,SchedulingDisabled/ })).toBeVisible();
    // Uncordoning one node lets the scheduler place it.
    await run(page, 'kubectl uncordon worker-2');
    await expect(diagram.getByRole('button', { name: /^pod picky: Running/ })).toBeVisible();
    await expect(details.getByRole('row', { name: /worker-2/ })).toContainText('fits');
    await page.screenshot({ path: info.outputPath('pending-why.png') });
  });

  test('a stopped node goes NotReady and its pods come back elsewhere after the eviction window', async ({ page }, info) => {
    test.setTimeout(90_000);
    await page.goto('/');
    await run(page, 'kubectl create deployment web --image=nginx --replicas=6');
    await page.getByRole('button', { name: 'Speed ×16' }).click();
    const diagram = page.getByTestId('diagram');
    await expect(diagram.getByRole('button', { name: /^pod web-.*: Running/ })).toHaveCount(6);
    await diagram.getByRole('button', { name: /^node worker-2: Ready/ }).click();
    await page.getByRole('region', { name: 'Details: Node worker-2' }).getByRole('button', { name: 'Stop node' }).click();
    await expect(diagram.getByRole('button', { name: /^node worker-2: NotReady/ })).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: info.outputPath('node-notready.png') });
    // 300 s of toleration at ×16: the pods are replaced on worker-1 and worker-3.
    await page.getByRole('button', { name: 'List', exact: true }).click();
    const healthy = page.getByRole('region', { name: /^node worker-[13]: Ready/ }).getByRole('listitem', { name: /^pod web-.*: Running, 1\/1$/ });
    await expect(healthy).toHaveCount(6, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Diagram', exact: true }).click();
    await page.screenshot({ path: info.outputPath('rescheduled.png') });
  });

  test('the events timeline filters and opens objects; "Why?" explains what the loops did', async ({ page }, info) => {
    await page.goto('/');
    await run(page, 'kubectl create deployment web --image=nginx --replicas=2');
    await run(page, 'kubectl run crash --image=busybox');
    await page.getByRole('button', { name: 'Speed ×16' }).click();
    await expect(page.getByTestId('diagram').getByRole('button', { name: /^pod crash: CrashLoopBackOff/ })).toBeVisible();
    await page.getByRole('tab', { name: 'Events' }).click();
    const events = page.getByRole('list', { name: 'Events' });
    await expect(events).toContainText('ScalingReplicaSet');
    await page.getByRole('searchbox', { name: 'Filter' }).fill('BackOff');
    await expect(events.getByRole('listitem').first()).toContainText('Back-off restarting failed container crash');
    await expect(events).not.toContainText('ScalingReplicaSet');
    await page.screenshot({ path: info.outputPath('events.png') });
    await events.getByRole('button', { name: 'pod/crash' }).first().click();
    await expect(page.getByRole('region', { name: 'Details: Pod default/crash' })).toBeVisible();

    await page.getByRole('tab', { name: 'Why?' }).click();
    const why = page.getByRole('list', { name: 'Why?' });
    await expect(why).toContainText('Deployment deployment/web: made a new ReplicaSet (revision 1) for the current pod template');
    await expect(why).toContainText(/Scheduler: pod\/web-\S+ → worker-\d \(best score among 3 nodes that fit\)/);
    await page.screenshot({ path: info.outputPath('why.png') });
  });

  test('Korean and dark', async ({ page }, info) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'ko'));
    await page.goto('/');
    await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
    await run(page, 'kubectl run crash --image=busybox');
    await page.getByRole('button', { name: '16배속' }).click();
    const diagram = page.getByTestId('diagram');
    await expect(diagram.getByRole('button', { name: /^파드 web-.*: Running, 1\/1$/ })).toHaveCount(3);
    await expect(diagram.getByRole('button', { name: /^파드 crash: CrashLoopBackOff/ })).toBeVisible();
    await diagram.getByRole('button', { name: /\(kube-scheduler\)/ }).click();
    await expect(page.getByRole('region', { name: /^자세히: 구성 요소 kube-scheduler/ })).toContainText('스케줄러는');
    await page.screenshot({ path: info.outputPath('korean-dark.png') });
  });

  test('traffic to a Service runs along its lines to the pods, and the pill shows the rate', async ({ page }, info) => {
    await page.goto('/');
    await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
    await run(page, 'kubectl expose deployment web --port=80');
    await page.getByRole('button', { name: 'Speed ×4' }).click();
    const service = page.getByTestId('diagram').getByRole('button', { name: 'service web (ClusterIP), 3 endpoints' });
    await expect(service).toBeVisible();
    await expect(page.getByTestId('diagram').locator('path.svc-link.traffic')).toHaveCount(0);
    await run(page, 'kubectl run load --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://web; done"');
    // Round-robin over three endpoints: every line to a web pod carries requests.
    await expect(page.getByTestId('diagram').locator('path.svc-link.traffic')).toHaveCount(3);
    await expect(service).toContainText(/\d+ req\/s/);
    await page.screenshot({ path: info.outputPath('traffic.png') });
    await run(page, 'kubectl delete pod load');
    await expect(page.getByTestId('diagram').locator('path.svc-link.traffic')).toHaveCount(0);
  });

  test('the layers take the frame’s size in pixels, and follow it when the window changes', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('diagram').waitFor();
    const sizes = () =>
      page.evaluate(() => {
        const frame = document.querySelector('.diagram')!;
        const px = (el: Element) => `${Math.round(el.getBoundingClientRect().width)}x${Math.round(el.getBoundingClientRect().height)}`;
        return { frame: `${frame.clientWidth}x${frame.clientHeight}`, layers: ['.diagram-svg', '.diagram-labels', '.diagram-flows'].map((c) => px(document.querySelector(c)!)), styled: ['.diagram-svg', '.diagram-labels'].map((c) => (document.querySelector(c) as SVGElement).style.width.endsWith('px')) };
      });
    const fits = async () => {
      const s = await sizes();
      return s.styled.every(Boolean) && s.layers.every((l) => l === s.frame);
    };
    await expect.poll(fits).toBe(true);
    const before = (await sizes()).frame;
    await page.setViewportSize({ width: 1200, height: 760 });
    await expect.poll(async () => (await sizes()).frame).not.toBe(before);
    await expect.poll(fits).toBe(true);
  });
});
