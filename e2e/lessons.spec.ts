import { expect, test, type Page } from '@playwright/test';

const run = async (page: Page, cmd: string) => {
  const prompt = page.getByRole('textbox', { name: 'kubectl' });
  await prompt.fill(cmd);
  await prompt.press('Enter');
};
/** A met goal waits for the learner: they press Next (or Finish on the last step). */
const next = async (page: Page, name: string, timeout = 20_000) => page.getByRole('button', { name }).click({ timeout });

test('first-pod, in English, done as a learner would: typing, reading, applying from the editor', async ({ page }, info) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'en'));
  await page.goto('/');
  await page.getByRole('button', { name: /Your first pod and the path it takes/ }).click();
  const steps = page.getByRole('list', { name: 'Steps' });
  await expect(steps.getByRole('button', { name: /Run a pod/ })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('button', { name: 'Speed ×4' }).click();
  // "Show goal" draws the target state.
  await page.getByRole('button', { name: 'Show goal' }).click();
  await expect(page.getByRole('img', { name: 'The goal, drawn' })).toContainText('hello ×1');
  await page.screenshot({ path: info.outputPath('show-goal.png') });

  await run(page, 'kubectl run hello --image=nginx');
  await next(page, 'Next step →');
  await expect(steps.getByRole('button', { name: /Read the path in the events/ })).toHaveAttribute('aria-current', 'step');
  await run(page, 'kubectl describe pod hello');
  await expect(page.getByTestId('console-output')).toContainText('Successfully assigned default/hello');
  await next(page, 'Next step →');
  await expect(steps.getByRole('button', { name: /Two containers, one pod/ })).toHaveAttribute('aria-current', 'step');

  // The step's starter YAML waits in the editor.
  await page.getByRole('tab', { name: 'Editor' }).click();
  await expect(page.getByRole('tab', { name: 'first-pod-duo.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'pod/duo created' })).toBeVisible();
  await next(page, 'Next step →');
  await expect(steps.getByRole('button', { name: /The cluster runs on pods too/ })).toHaveAttribute('aria-current', 'step', { timeout: 20_000 });

  await page.getByRole('tab', { name: 'Terminal' }).click();
  await page.getByRole('button', { name: 'Hint (0/1)' }).click();
  await expect(page.getByText('The namespace filter above the diagram can show kube-system too.')).toBeVisible();
  await run(page, 'kubectl get pods -n kube-system');
  await next(page, 'Finish lesson');
  await expect(page.getByText('Lesson complete. Well done!')).toBeVisible();
  await page.screenshot({ path: info.outputPath('first-pod-done.png') });

  // Progress survives a reload and shows in the list.
  await page.reload();
  await page.getByRole('button', { name: /All lessons/ }).click();
  await expect(page.getByRole('button', { name: /✓ Your first pod/ })).toBeVisible();
});

test('desired-state, in Korean, with a wrong turn undone by resetting the step', async ({ page }, info) => {
  await page.addInitScript(() => localStorage.setItem('wheelhouse.language', 'ko'));
  await page.goto('/?lesson=desired-state');
  const steps = page.getByRole('list', { name: '단계' });
  await expect(steps.getByRole('button', { name: /레플리카 3개 선언하기/ })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('button', { name: '16배속' }).click();
  await run(page, 'kubectl create deployment web --image=nginx --replicas=3');
  await next(page, '다음 단계 →');
  await expect(steps.getByRole('button', { name: /파드를 지워도 돌아옵니다/ })).toHaveAttribute('aria-current', 'step');

  // Delete a pod from the diagram, as the step suggests.
  await page.getByTestId('diagram').getByRole('button', { name: /^파드 web-/ }).first().click();
  await page.getByRole('button', { name: '파드 삭제' }).click();
  await expect(page.getByText('목표를 이뤘습니다! 클러스터를 살펴보고, 준비되면 다음 단계로 넘어가세요.')).toBeVisible({ timeout: 20_000 });
  await next(page, '다음 단계 →');
  await expect(steps.getByRole('button', { name: /의도한 상태 바꾸기/ })).toHaveAttribute('aria-current', 'step', { timeout: 20_000 });

  // A wrong turn, undone with "reset this step".
  await run(page, 'kubectl scale deployment web --replicas=1');
  await page.getByRole('button', { name: '이 단계 다시 하기' }).click();
  await expect(page.getByTestId('diagram').getByRole('button', { name: /^파드 web-.*Running/ })).toHaveCount(3);
  await run(page, 'kubectl scale deployment web --replicas=5');
  await next(page, '다음 단계 →');
  await expect(steps.getByRole('button', { name: /소유자를 지우면 파드도 사라집니다/ })).toHaveAttribute('aria-current', 'step', { timeout: 20_000 });
  await run(page, 'kubectl delete deployment web');
  await next(page, '레슨 마치기');
  await expect(page.getByText('레슨을 마쳤습니다. 잘하셨어요!')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: info.outputPath('desired-state-ko.png') });
});
