/**
 * The words derived from a goal's data: what the learner must bring about, in both languages.
 * A goal that says it better in its own words (`says`) keeps them; a goal from the lesson builder
 * usually has none, and reads as these sentences.
 */
import type { GoalSpec } from './goalSpec';
import { withJosa } from './josa';
import type { Bilingual } from './types';

const inNs = (ns: string | undefined): Bilingual => (ns && ns !== 'default' ? { en: ` in ${ns}`, ko: `${ns}의 ` } : { en: '', ko: '' });

function podsWords(g: Extract<GoalSpec, { pods: unknown }>['pods']): Bilingual {
  const ns = inNs(g.namespace);
  if (g.name !== undefined) {
    if (g.count === 0) return { en: `Pod ${g.name}${ns.en} is gone`, ko: `${ns.ko}파드 ${withJosa(g.name, '이/가')} 없습니다` };
    const rest = podsWords({ ...g, name: undefined, selector: 'x', count: 2 });
    // The same clauses as for a group, said of one pod.
    const tail = (t: string, sep: string) => (t.includes(sep) ? t.slice(t.indexOf(sep)) : '').replace(/\beach (with|mounting)\b/g, '$1').replace(/각각 /g, '');
    return { en: `Pod ${g.name}${ns.en} is running and ready${tail(rest.en, ', ')}`, ko: `${ns.ko}파드 ${withJosa(g.name, '이/가')} 준비된 상태로 실행 중입니다${tail(rest.ko, ', ')}` };
  }
  if (g.count === 0) return { en: `No pods match ${g.selector}${ns.en}`, ko: `${ns.ko}${g.selector}에 맞는 파드가 남아 있지 않습니다` };
  const n = g.atLeast ? { en: `At least ${g.count}`, ko: `${g.count}개 이상` } : { en: `${g.count}`, ko: `${g.count}개` };
  const en: string[] = [`${n.en} ${g.selector} pod${g.count === 1 && !g.atLeast ? '' : 's'}${ns.en} ${g.count === 1 && !g.atLeast ? 'is' : 'are'} running and ready`];
  const ko: string[] = [`${ns.ko}${g.selector} 파드 ${n.ko}가 준비된 상태로 실행 중입니다`];
  const add = (e: string, k: string) => {
    en.push(e);
    ko.push(k);
  };
  if (g.notOn) add(`none on ${g.notOn}`, `${g.notOn}에는 하나도 없습니다`);
  if (g.onNodes) add(`all on nodes labelled ${g.onNodes}`, `모두 레이블이 ${g.onNodes}인 노드에 있습니다`);
  if (g.someOnNodePrefix) add(`some on a ${g.someOnNodePrefix}… node`, `일부는 ${g.someOnNodePrefix}… 노드에 있습니다`);
  if (g.nodesAtLeast) add(`spread over at least ${g.nodesAtLeast} nodes`, `노드 ${g.nodesAtLeast}대 이상에 퍼져 있습니다`);
  if (g.containers !== undefined) add(`each with ${g.containers}/${g.containers} containers ready`, `각각 컨테이너 ${g.containers}/${g.containers}개가 준비되었습니다`);
  if (g.image) add(`running ${g.image}`, `${withJosa(g.image, '을/를')} 실행합니다`);
  if (g.newSinceStep) add('one of them new since this step began', '그중 하나는 이 단계에서 새로 생겼습니다');
  if (g.restartsAtLeast !== undefined) add(`restarted at least ${g.restartsAtLeast} times`, `${g.restartsAtLeast}번 이상 재시작했습니다`);
  if (g.steadyForSeconds !== undefined) add(`for ${g.steadyForSeconds} s without a restart`, `${g.steadyForSeconds}초 동안 재시작 없이 실행되었습니다`);
  if (g.claim) add(`each mounting claim ${g.claim}`, `각각 클레임 ${withJosa(g.claim, '을/를')} 마운트합니다`);
  if (g.priority !== undefined) add(`with priority ${g.priority}`, `우선순위는 ${g.priority}입니다`);
  if (g.noneWaiting) add(`none waiting on ${g.noneWaiting}`, `${g.noneWaiting} 때문에 기다리는 파드가 없습니다`);
  for (const f of g.fields ?? []) add(fieldWords(f).en, fieldWords(f).ko);
  return { en: en.join(', '), ko: ko.join(', ') };
}

function fieldWords(f: { path: string; equals?: unknown; present?: boolean; atLeast?: number; atMost?: number; matches?: string }): Bilingual {
  const parts: Bilingual[] = [];
  if (f.equals !== undefined) parts.push({ en: `${f.path} is ${String(f.equals)}`, ko: `${f.path} 값이 ${String(f.equals)}입니다` });
  if (f.present === true) parts.push({ en: `${f.path} is set`, ko: `${f.path} 값이 있습니다` });
  if (f.present === false) parts.push({ en: `${f.path} is not set`, ko: `${f.path} 값이 없습니다` });
  if (f.atLeast !== undefined) parts.push({ en: `${f.path} is at least ${f.atLeast}`, ko: `${f.path} 값이 ${f.atLeast} 이상입니다` });
  if (f.atMost !== undefined) parts.push({ en: `${f.path} is at most ${f.atMost}`, ko: `${f.path} 값이 ${f.atMost} 이하입니다` });
  if (f.matches !== undefined) parts.push({ en: `${f.path} matches ${f.matches}`, ko: `${f.path} 값이 ${f.matches}에 맞습니다` });
  return { en: parts.map((p) => p.en).join(' and '), ko: parts.map((p) => p.ko).join(', ') };
}

const join = (words: Bilingual[]): Bilingual => ({ en: words.map((w) => w.en).join('; '), ko: words.map((w) => w.ko).join(' ') });

/** What the goal asks, in both languages. */
export function goalWords(goal: GoalSpec): Bilingual {
  if (goal.says) return goal.says;
  if ('all' in goal) return join(goal.all.map(goalWords));
  if ('object' in goal) {
    const o = goal.object;
    const ns = inNs(o.namespace);
    if (o.name === undefined) {
      const fields = (o.fields ?? []).map(fieldWords);
      return o.exists === false
        ? { en: `No ${o.resource}${ns.en} with ${fields.map((f) => f.en).join(', ')}`, ko: `${ns.ko}${fields.map((f) => f.ko).join(' ')} 조건에 맞는 ${o.resource} 오브젝트가 없습니다` }
        : { en: `Some ${o.resource}${ns.en}: ${fields.map((f) => f.en).join(', ')}`, ko: `${ns.ko}${o.resource} 오브젝트 하나가 조건에 맞습니다: ${fields.map((f) => f.ko).join(' ')}` };
    }
    if (o.exists === false) return { en: `${o.resource}/${o.name}${ns.en} is gone`, ko: `${ns.ko}${o.resource}/${withJosa(o.name, '이/가')} 없습니다` };
    const fields = (o.fields ?? []).map(fieldWords);
    return fields.length
      ? { en: `${o.resource}/${o.name}${ns.en}: ${fields.map((f) => f.en).join(', ')}`, ko: `${ns.ko}${o.resource}/${o.name}: ${fields.map((f) => f.ko).join(' ')}` }
      : { en: `${o.resource}/${o.name}${ns.en} exists`, ko: `${ns.ko}${o.resource}/${withJosa(o.name, '이/가')} 있습니다` };
  }
  if ('pods' in goal) return podsWords(goal.pods);
  if ('deployment' in goal) {
    const d = goal.deployment;
    const ns = inNs(d.namespace);
    const n = d.ready !== undefined ? { en: `${d.ready}`, ko: `${d.ready}개` } : { en: `at least ${d.readyAtLeast ?? 1}`, ko: `${d.readyAtLeast ?? 1}개 이상` };
    const image = d.image ? { en: `, running ${d.image}`, ko: ` ${withJosa(d.image, '을/를')} 실행합니다` } : { en: '', ko: '' };
    return { en: `Deployment ${d.name}${ns.en} has ${n.en} ready replica${d.ready === 1 ? '' : 's'}${image.en}`, ko: `${ns.ko}디플로이먼트 ${d.name}의 준비된 레플리카가 ${n.ko}입니다${image.ko ? `,${image.ko}` : ''}` };
  }
  if ('deploymentGone' in goal) {
    const d = goal.deploymentGone;
    return { en: `Deployment ${d.name} and its pods are gone`, ko: `디플로이먼트 ${withJosa(d.name, '과/와')} 그 파드가 모두 사라졌습니다` };
  }
  if ('endpoints' in goal) {
    const e = goal.endpoints;
    const port = e.port !== undefined ? { en: ` on port ${e.port}`, ko: ` (포트 ${e.port})` } : { en: '', ko: '' };
    return { en: `Service ${e.service} has ${e.ready} ready endpoint${e.ready === 1 ? '' : 's'}${port.en}`, ko: `서비스 ${e.service}의 준비된 엔드포인트가 ${e.ready}개입니다${port.ko}` };
  }
  if ('command' in goal) {
    const k = goal.command;
    const times = (k.times ?? 1) > 1 ? { en: ` ${k.times} times`, ko: ` ${k.times}번` } : { en: '', ko: '' };
    const outcome = k.exitCode === undefined ? { en: 'succeeded', ko: '성공했습니다' } : { en: `exited with code ${k.exitCode}`, ko: `종료 코드 ${k.exitCode}로 끝났습니다` };
    return { en: `A kubectl command matching /${k.matches}/ ${outcome.en}${times.en}${k.output ? `, printing /${k.output}/` : ''}`, ko: `/${k.matches}/에 맞는 kubectl 명령이${times.ko} ${outcome.ko}${k.output ? ` (/${k.output}/ 출력)` : ''}` };
  }
  if ('node' in goal) {
    const n = goal.node;
    const parts: Bilingual[] = [];
    if (n.stoppedByYou) parts.push({ en: `Node ${n.name} was stopped`, ko: `노드 ${withJosa(n.name, '을/를')} 중지했습니다` });
    if (n.ready === true) parts.push({ en: `Node ${n.name} is running and Ready`, ko: `노드 ${withJosa(n.name, '이/가')} 켜져 있고 Ready 상태입니다` });
    if (n.ready === false) parts.push({ en: `Node ${n.name} is not Ready`, ko: `노드 ${withJosa(n.name, '이/가')} Ready 상태가 아닙니다` });
    if (n.cordoned === true) parts.push({ en: `Node ${n.name} is cordoned`, ko: `노드 ${withJosa(n.name, '이/가')} 코든되었습니다` });
    if (n.cordoned === false) parts.push({ en: `Node ${n.name} takes new pods`, ko: `노드 ${withJosa(n.name, '이/가')} 새 파드를 받습니다` });
    return parts.length ? join(parts) : { en: `Node ${n.name} exists`, ko: `노드 ${withJosa(n.name, '이/가')} 있습니다` };
  }
  if ('nodeCount' in goal) {
    const n = goal.nodeCount;
    return n.count === 0 ? { en: `No ${n.prefix}… nodes remain`, ko: `${n.prefix}… 노드가 남아 있지 않습니다` } : { en: `${n.count} ${n.prefix}… node${n.count === 1 ? '' : 's'}`, ko: `${n.prefix}… 노드가 ${n.count}대입니다` };
  }
  if ('claim' in goal) {
    const k = goal.claim;
    const parts: Bilingual[] = [{ en: `Claim ${k.name} is Bound`, ko: `클레임 ${withJosa(k.name, '이/가')} Bound 상태입니다` }];
    if (k.usedBy) parts.push({ en: `a ${k.usedBy} pod runs with it`, ko: `이를 쓰는 ${k.usedBy} 파드가 실행 중입니다` });
    if (k.holds) parts.push({ en: `its volume holds ${k.holds}`, ko: `볼륨에 ${k.holds} 파일이 있습니다` });
    return { en: parts.map((p) => p.en).join(', '), ko: parts.map((p) => p.ko).join(' ') };
  }
  if ('access' in goal) {
    const a = goal.access;
    const ns = a.namespace ?? 'default';
    return a.allowed
      ? { en: `${a.user} may ${a.verb} ${a.resource} in ${ns}`, ko: `${withJosa(a.user, '이/가')} ${ns}에서 ${a.resource}에 ${a.verb} 할 수 있습니다` }
      : { en: `${a.user} may not ${a.verb} ${a.resource} in ${ns}`, ko: `${withJosa(a.user, '은/는')} ${ns}에서 ${a.resource}에 ${a.verb} 할 수 없습니다` };
  }
  if ('traffic' in goal) {
    const t = goal.traffic;
    return t.allowed
      ? { en: `Pods ${t.from} reach pods ${t.to} on port ${t.port}`, ko: `${t.from} 파드가 ${t.port}번 포트로 ${t.to} 파드에 닿습니다` }
      : { en: `Pods ${t.from} cannot reach pods ${t.to} on port ${t.port}`, ko: `${t.from} 파드는 ${t.port}번 포트로 ${t.to} 파드에 닿지 못합니다` };
  }
  if ('waiting' in goal) {
    const w = goal.waiting;
    return { en: `Pod ${w.pod} waits for a node: ${w.message}`, ko: `파드 ${withJosa(w.pod, '이/가')} 노드를 기다립니다: ${w.message}` };
  }
  if ('event' in goal) {
    const e = goal.event;
    return { en: `An event ${e.reason} was recorded${e.kind ? ` for a ${e.kind}` : ''}`, ko: `${e.kind ? `${e.kind}에 대한 ` : ''}${e.reason} 이벤트가 기록되었습니다` };
  }
  return { en: 'You answered the question', ko: '질문에 답했습니다' };
}
