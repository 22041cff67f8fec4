/**
 * The live cluster diagram: D3 draws each layer into one SVG; d3-zoom pans and zooms it. React
 * only owns the frame and the zoom buttons. The picture is redrawn when the model changes (at
 * most once per animation frame), and zoomed far out every node shows counts instead of pods.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import 'd3-transition';
import { useCluster } from '../store/clusterStore';
import { currentStep, useLessons } from '../store/lessonStore';
import { computeLayout, fitScale, FIT_MARGIN, PodSlots } from './layout';
import type { DrawContext, Layer, SelectedRef } from './context';
import { drawControlPlane } from './controlPlaneLayer';
import { drawNodes } from './nodesLayer';
import { drawPods } from './podsLayer';
import { drawServices } from './servicesLayer';
import { drawVolumes } from './volumesLayer';
import { drawFlows } from './flowsLayer';
import { PodCanvas } from './podCanvas';

const NO_FOCUS: SelectedRef[] = [];
const LAYERS = ['control-plane', 'services', 'nodes', 'volumes', 'pods'] as const;
/** Below this zoom pods are too small to tell apart: nodes show counts. */
const AGGREGATE_BELOW_SCALE = 0.45;
/**
 * Below this zoom a node's small print (labels, bars' names, components) is under 4 px: it is
 * hidden and a large status badge shows instead. Besides being unreadable, a thousand tiny texts
 * made the browser's layout cost 25 ms a frame while pods were being placed.
 */
const FAR_BELOW_SCALE = 0.3;
/**
 * At and above this zoom every word in the diagram reads at 11 px or more (the smallest, the
 * chips' names, are 11 px in layout units); below it node cards go compact (layout.ts): the bars
 * and chips give way, and what stays is drawn at 14 px or more.
 */
const DETAIL_SCALE = 1;
/** Above this many nodes, refitting the picture jumps instead of gliding. */
const LARGE_PICTURE = 60;
/** Fit never blows a tiny cluster up past this. */
const MAX_FIT_SCALE = 1.4;

export function Diagram() {
  const { t } = useTranslation();
  const model = useCluster((s) => s.model);
  const selected = useCluster((s) => s.selected);
  const speed = useCluster((s) => s.speed);
  const focus = useLessons((s) => currentStep(s)?.highlight ?? NO_FOCUS);
  const frameRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  /** Requests in flight, over the picture, in a layer that carries the zoom: moved by the browser's own animations (flowsLayer.ts). */
  const flowsViewport = useRef<HTMLDivElement>(null);
  /** The nodes' words, in an SVG of their own (see nodesLayer.ts). */
  const labelsRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const podCanvas = useRef<PodCanvas | null>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  /** Until the learner zooms or pans, the picture keeps fitting the pane (as it resizes, as the cluster grows); "Fit" returns to that. */
  const userMoved = useRef(false);
  /** What the picture was last fitted to (its size and the pane's). */
  const lastFit = useRef('');
  const compact = useRef(false);
  const frame = useRef(0);
  /** The pods' half of a redraw, a frame after the rest (see the drawing effect), and what it draws. */
  const podsFrame = useRef(0);
  const podsCtx = useRef<DrawContext | undefined>(undefined);
  const aggregate = useRef(false);
  /** The part of the picture on screen (layout coordinates), grown by a margin; and a counter that redraws when it moves on. */
  const view = useRef({ x: -Infinity, y: -Infinity, w: Infinity, h: Infinity });
  const [viewVersion, setViewVersion] = useState(0);
  /** The frame's size, kept by a ResizeObserver (reading it while zooming would force a layout). */
  const size = useRef({ width: 1, height: 1 });
  /** The same size as state: a small cluster is arranged to fill the pane (see layout.ts). */
  const [pane, setPane] = useState<{ width: number; height: number } | undefined>(undefined);
  /** Counts switches between counts and pods, or compact and full cards: each needs a new layout. */
  const [detail, setDetail] = useState(0);
  const slots = useRef(new PodSlots());
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layout = useMemo(() => computeLayout(model, aggregate.current, slots.current, { compact: compact.current, pane }), [model, pane, detail]);

  /**
   * What is in view, with a quarter screen of margin so a short pan shows drawn nodes at once;
   * the picture is redrawn when the view leaves the drawn area, or after zooming in a step (the
   * area drawn for the wider view held two to three times the nodes now on screen, and every
   * refresh paid for them).
   */
  const updateView = (transform: { k: number; x: number; y: number }, force: boolean) => {
    const { width, height } = size.current;
    const { k, x, y } = transform;
    const seen = { x: -x / k, y: -y / k, w: width / k, h: height / k };
    const drawn = view.current;
    const inside = seen.x >= drawn.x && seen.y >= drawn.y && seen.x + seen.w <= drawn.x + drawn.w && seen.y + seen.h <= drawn.y + drawn.h;
    if (force || !inside || drawn.w > seen.w * 1.7) {
      view.current = { x: seen.x - seen.w / 4, y: seen.y - seen.h / 4, w: seen.w * 1.5, h: seen.h * 1.5 };
      setViewVersion((v) => v + 1);
    }
  };

  /**
   * The largest picture that fits the pane: full cards when their small print reads at 11 px,
   * else compact cards as large as fits (just under that zoom).
   */
  const fit = (ms = 400) => {
    const svg = svgRef.current;
    if (!svg || !zoomRef.current) return;
    userMoved.current = false;
    const { width, height } = size.current;
    const m = useCluster.getState().model;
    let l = computeLayout(m, aggregate.current, slots.current, { pane: size.current });
    let k = Math.min(MAX_FIT_SCALE, fitScale(l, size.current));
    if (k < DETAIL_SCALE) {
      l = computeLayout(m, aggregate.current, slots.current, { pane: size.current, compact: true });
      k = Math.min(DETAIL_SCALE * 0.999, fitScale(l, size.current));
    }
    k = Math.max(0.08, k);
    const to = zoomIdentity.translate((width - l.width * k) / 2, Math.max(FIT_MARGIN / 2, (height - l.height * k) / 2)).scale(k);
    if (ms > 0) select(svg).transition().duration(ms).call(zoomRef.current.transform, to);
    else select(svg).call(zoomRef.current.transform, to);
  };

  useEffect(() => {
    const svg = svgRef.current!;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.08, 4])
      .on('zoom', (event) => {
        select(svg).select('g.viewport').attr('transform', event.transform.toString());
        if (flowsViewport.current) flowsViewport.current.style.transform = `translate(${event.transform.x}px, ${event.transform.y}px) scale(${event.transform.k})`;
        select(labelsRef.current).select('g.viewport').attr('transform', event.transform.toString());
        labelsRef.current?.classList.toggle('far', event.transform.k < FAR_BELOW_SCALE);
        podCanvas.current?.setTransform(event.transform);
        updateView(event.transform, false);
        // The learner's own wheel or drag (a fit's transition has no source event).
        if (event.sourceEvent) userMoved.current = true;
        svg.classList.toggle('far', event.transform.k < FAR_BELOW_SCALE);
        const agg = event.transform.k < AGGREGATE_BELOW_SCALE;
        const small = event.transform.k < DETAIL_SCALE;
        svg.classList.toggle('compact', small);
        labelsRef.current?.classList.toggle('compact', small);
        if (agg !== aggregate.current || small !== compact.current) {
          aggregate.current = agg;
          compact.current = small;
          setDetail((d) => d + 1);
        }
      });
    zoomRef.current = z;
    podCanvas.current = new PodCanvas(canvasRef.current!, { far: FAR_BELOW_SCALE, compact: DETAIL_SCALE });
    // The frame is watched, not the SVGs: they are given its size in pixels. An SVG sized in
    // percent is laid out again whenever its container is, and Chromium then lays out every
    // shape and word in it — at 200 nodes 5 ms of each refresh, since any change inside the
    // frame (a pod's stand-in, a request's dot) lays the frame out. Sized in pixels, each SVG is
    // a layout boundary of its own: a change inside it lays out only what changed.
    const resize = new ResizeObserver(([entry]) => {
      size.current = { width: entry.contentRect.width || 1, height: entry.contentRect.height || 1 };
      for (const el of [svg, labelsRef.current]) {
        if (!el) continue;
        el.style.width = `${size.current.width}px`;
        el.style.height = `${size.current.height}px`;
      }
      setPane((p) => (p && Math.abs(p.width - size.current.width) < 1 && Math.abs(p.height - size.current.height) < 1 ? p : { ...size.current }));
      updateView(zoomTransform(svg), true);
    });
    resize.observe(frameRef.current!);
    select(svg).call(z).on('dblclick.zoom', null);
    select(svg).on('click', () => useCluster.getState().select(undefined));
    return () => {
      podCanvas.current?.dispose();
      resize.disconnect();
      select(svg).on('.zoom', null);
    };
  }, []);

  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const svg = select(svgRef.current!);
      const viewport = svg.select<SVGGElement>('g.viewport');
      const v = view.current;
      const inView = (b: { x: number; y: number; w: number; h: number }) => b.x < v.x + v.w && b.x + b.w > v.x && b.y < v.y + v.h && b.y + b.h > v.y;
      const ctx: DrawContext = { model, layout, t, selected, focus, compact: compact.current, inView, paintPods: (pods) => podCanvas.current?.update(pods), paintSummaries: (bars) => podCanvas.current?.updateSummaries(bars), select: (ref: SelectedRef) => useCluster.getState().select(ref) };
      const layer = (name: (typeof LAYERS)[number]) => viewport.select<SVGGElement>(`g.layer-${name}`) as unknown as Layer;
      drawControlPlane(layer('control-plane'), ctx);
      drawServices(layer('services'), ctx);
      drawNodes(layer('nodes'), select(labelsRef.current!).select<SVGGElement>('g.layer-labels') as unknown as Layer, ctx);
      drawVolumes(layer('volumes'), ctx);
      drawFlows(flowsViewport.current!, ctx, useCluster.getState().takeRequests(), speed);
      // The pods (their stand-ins, the bars of counts, what the canvas paints) in the next frame:
      // at 100–200 nodes a whole refresh was one task of up to 30 ms, which a busy machine
      // stretched past 50; in two halves neither holds the page that long.
      // A pods frame still to come draws this context (a newer model does not put it off again).
      podsCtx.current = ctx;
      if (!podsFrame.current)
        podsFrame.current = requestAnimationFrame(() => {
          podsFrame.current = 0;
          if (podsCtx.current && svgRef.current) drawPods(select(svgRef.current).select<SVGGElement>('g.viewport g.layer-pods') as unknown as Layer, podsCtx.current);
        });
      // Keep fitting until the learner takes over (first draw, a resized pane, a grown cluster).
      const { width, height } = size.current;
      const fitKey = `${Math.round(width)}x${Math.round(height)}:${Math.round(layout.width)}x${Math.round(layout.height)}`;
      if (!userMoved.current && width > 1 && fitKey !== lastFit.current) {
        const first = lastFit.current === '';
        // A large picture moves at once: each frame of a glide lays out and repaints every node's
        // shapes and words again (the workloads' row appearing above the diagram cost 15 such
        // frames at 200 nodes).
        fit(first || layout.nodes.size > LARGE_PICTURE ? 0 : 250);
        lastFit.current = fitKey;
      }
    });
    // fit() reads the latest layout through closure on purpose.
  }, [model, layout, selected, t, speed, focus, viewVersion]);

  const zoomBy = (k: number) => {
    if (!svgRef.current || !zoomRef.current) return;
    userMoved.current = true;
    select(svgRef.current).transition().duration(250).call(zoomRef.current.scaleBy, k);
  };

  return (
    <div className="diagram" ref={frameRef}>
      <div className="diagram-tools" role="toolbar" aria-label={t('diagram.tools')}>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label={t('diagram.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label={t('diagram.zoomOut')}>
          −
        </button>
        <button type="button" onClick={() => fit()}>
          {t('diagram.fit')}
        </button>
      </div>
      <svg ref={svgRef} className="diagram-svg" role="group" aria-label={t('diagram.label')} data-testid="diagram">
        <g className="viewport">
          {LAYERS.map((l) => (
            <g key={l} className={`layer layer-${l}`} />
          ))}
        </g>
      </svg>
      {/* Under the nodes' words: a node's large status badge, zoomed far out, stays over its bar of counts. */}
      <canvas ref={canvasRef} className="diagram-pods" aria-hidden="true" />
      <svg ref={labelsRef} className="diagram-labels" aria-hidden="true">
        <g className="viewport">
          <g className="layer layer-labels" />
        </g>
      </svg>
      <div className="diagram-flows" aria-hidden="true" data-testid="diagram-flows">
        <div className="viewport" ref={flowsViewport} />
      </div>
    </div>
  );
}
