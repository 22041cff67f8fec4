/**
 * The page speaks the learner's language: English resources have no Hangul, a Korean string
 * equal to its English one is a name that stays the same in Korean (listed below, each with
 * why), and no component writes user-visible English straight into its JSX (text, aria-label,
 * title, placeholder, alt) instead of going through i18n.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { ageText, kindName, objectName, schedulerReason } from './words';
import i18next from './index';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

function flat(o: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? Object.entries(flat(v, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]])));
}

/** Korean strings that are rightly the same as the English: names, formats and syntax. */
const SAME_IN_KOREAN: Record<string, string> = {
  'app.title': 'the product’s name',
  'served.badge': 'a program’s name beside an arrow (the page is shared with kubectl)',
  'language.ko': 'a language is named in its own language',
  'language.en': 'a language is named in its own language',
  'diagram.podLabelsPlaceholder': 'kubectl label selector syntax',
  'diagram.component.etcd': 'a program’s name',
  'details.tab.yaml': 'a format’s name',
  'editor.template.hpa': 'the glossary keeps Horizontal Pod Autoscaler in English',
  'lessons.gpReady': 'the node condition as kubectl prints it',
  'console.heading': 'a program’s name',
};

describe('UI strings', () => {
  const E = flat(en);
  const K = flat(ko);
  it('English resources have no Hangul (except the name of the Korean language)', () => {
    expect(Object.entries(E).filter(([k, v]) => HANGUL.test(v) && k !== 'language.ko')).toEqual([]);
  });
  it('Korean resources are translated, apart from names listed with a reason', () => {
    expect(Object.keys(E).filter((k) => E[k] === K[k] && !(k in SAME_IN_KOREAN))).toEqual([]);
  });

  it('components write no English into JSX text or accessible names', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.tsx') && !p.endsWith('.test.tsx')) files.push(p);
      }
    };
    walk(join(__dirname, '..'));
    expect(files.length).toBeGreaterThan(5);
    const ATTRS = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription', 'aria-valuetext']);
    // Key names (Ctrl/⌘ + Enter) are the same in every language.
    const KEYS = /^(Ctrl|Cmd|Alt|Shift|Enter|Esc|Tab|⌘|[/+ ])+$/;
    const english = (s: string) => /[A-Za-z]{2,}/.test(s) && !KEYS.test(s.trim());
    const found: string[] = [];
    for (const file of files) {
      const src = readFileSync(file, 'utf8');
      const visit = (n: unknown): void => {
        if (!n || typeof n !== 'object') return;
        if (Array.isArray(n)) return n.forEach(visit);
        // An ESTree node from the TypeScript parser: untyped on purpose (any node kind may come by).
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const node = n as Record<string, any>;
        if (node.type === 'JSXText' && english(node.value)) found.push(`${file}: text ${JSON.stringify(node.value.trim())}`);
        if (node.type === 'JSXAttribute' && ATTRS.has(node.name?.name) && node.value) {
          const v = node.value;
          const literal = v.type === 'Literal' ? v.value : v.type === 'JSXExpressionContainer' && v.expression.type === 'Literal' ? v.expression.value : undefined;
          if (typeof literal === 'string' && english(literal)) found.push(`${file}: ${node.name.name}=${JSON.stringify(literal)}`);
          if (v.type === 'JSXExpressionContainer' && v.expression.type === 'TemplateLiteral' && v.expression.quasis.some((q: { value: { cooked?: string } }) => english(q.value.cooked ?? ''))) found.push(`${file}: ${node.name.name}=${src.slice(v.start, v.end)}`);
        }
        for (const [k, child] of Object.entries(node)) if (k !== 'parent') visit(child);
      };
      visit(parseAst(src, { lang: 'tsx' } as never, file));
    }
    expect(found).toEqual([]);
  });
});

describe('words the page builds from cluster data', () => {
  const ko_ = i18next.getFixedT('ko');
  const en_ = i18next.getFixedT('en');
  it('names kinds in Korean and keeps Kubernetes names in English', () => {
    expect(objectName(ko_, 'Node', 'worker-2')).toBe('노드 worker-2');
    expect(objectName(ko_, 'Pod', 'web-1', 'default')).toBe('파드 default/web-1');
    expect(objectName(ko_, 'Component', 'kube-apiserver')).toBe('구성 요소 kube-apiserver');
    expect(kindName(ko_, 'Deployment')).toBe('디플로이먼트');
    expect(objectName(en_, 'Node', 'worker-2')).toBe('Node worker-2');
    expect(kindName(ko_, 'Lease')).toBe('Lease');
  });
  it('says the scheduler’s verdicts in the learner’s words', () => {
    expect(schedulerReason(ko_, 'Insufficient cpu')).toBe('cpu 부족');
    expect(schedulerReason(ko_, 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }')).toBe('파드의 톨러레이션이 허용하지 않는 테인트: {node-role.kubernetes.io/control-plane: }');
    expect(schedulerReason(ko_, "node(s) didn't match Pod's node affinity/selector")).toBe('파드의 노드 어피니티/셀렉터와 맞지 않음');
    // English keeps the scheduler's own words.
    for (const m of ['Insufficient memory', 'node(s) were unschedulable', 'node(s) had untolerated taint {a: b}', "node(s) didn't match Pod's node affinity/selector"]) expect(schedulerReason(en_, m)).toBe(m);
    expect(schedulerReason(ko_, 'something new')).toBe('something new');
  });
  it('gives ages in Korean units, kubectl’s in English', () => {
    expect(ageText(ko_, '2m30s')).toBe('2분 30초');
    expect(ageText(ko_, '45s')).toBe('45초');
    expect(ageText(en_, '2m30s')).toBe('2m30s');
    expect(ageText(ko_, '<invalid>')).toBe('<invalid>');
  });
});
