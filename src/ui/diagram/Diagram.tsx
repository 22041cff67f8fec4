/**
 * The live cluster diagram: D3 draws each layer into one SVG; d3-zoom pans and zooms it. React
 * only owns the frame and the zoom buttons. The picture is redrawn when the model changes (at
 * most once per animation frame), and zoomed far out every node shows counts instead of pods.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import 'd3-transition';
import { useCluster } from '../store/clusterStore';
import { currentStep, useLessons } from '../store/lessonStore';
import { computeLayout } from './layout';
import type { DrawContext, Layer, SelectedRef } from './context';
import { drawControlPlane } from './controlPlaneLayer';
import { drawNodes } from './nodesLayer';
import { drawPods } from './podsLayer';
import { drawServices } from './servicesLayer';
import { drawVolumes } from './volumesLayer';
import { drawFlows } from './flowsLayer';

const NO_FOCUS: SelectedRef[] = [];
const LAYERS = ['control-plane', 'services', 'nodes', 'volumes', 'pods', 'flows'] as const;
/** Below this zoom pods are too small to tell apart: nodes show counts. */
const AGGREGATE_BELOW_SCALE = 0.45;

export function Diagram() {
  const { t } = useTranslation();
  const model = useCluster((s) => s.model);
  const selected = useCluster((s) => s.selected);
  const speed = useCluster((s) => s.speed);
  const focus = useLessons((s) => currentStep(s)?.highlight ?? NO_FOCUS);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const scaleRef = useRef(1);
  const fitted = useRef(false);
  const frame = useRef(0);
  const aggregate = useRef(false);
  const layout = useMemo(() => computeLayout(model, aggregate.current), [model]);

  const fit = () => {
    const svg = svgRef.current;
    if (!svg || !zoomRef.current) return;
    const { width, height } = svg.getBoundingClientRect();
    const k = Math.min(1.4, Math.min((width - 40) / layout.width, (height - 40) / layout.height));
    select(svg)
      .transition()
      .duration(400)
      .call(zoomRef.current.transform, zoomIdentity.translate((width - layout.width * k) / 2, 20).scale(k));
  };

  useEffect(() => {
    const svg = svgRef.current!;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.08, 4])
      .on('zoom', (event) => {
        select(svg).select('g.viewport').attr('transform', event.transform.toString());
        scaleRef.current = event.transform.k;
        const agg = event.transform.k < AGGREGATE_BELOW_SCALE;
        if (agg !== aggregate.current) {
          aggregate.current = agg;
          useCluster.setState({ model: { ...useCluster.getState().model } });
        }
      });
    zoomRef.current = z;
    select(svg).call(z).on('dblclick.zoom', null);
    select(svg).on('click', () => useCluster.getState().select(undefined));
    return () => {
      select(svg).on('.zoom', null);
    };
  }, []);

  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const svg = select(svgRef.current!);
      const viewport = svg.select<SVGGElement>('g.viewport');
      const ctx: DrawContext = { model, layout, t, selected, focus, select: (ref: SelectedRef) => useCluster.getState().select(ref) };
      const layer = (name: (typeof LAYERS)[number]) => viewport.select<SVGGElement>(`g.layer-${name}`) as unknown as Layer;
      drawControlPlane(layer('control-plane'), ctx);
      drawServices(layer('services'), ctx);
      drawNodes(layer('nodes'), ctx);
      drawVolumes(layer('volumes'), ctx);
      drawPods(layer('pods'), ctx);
      drawFlows(layer('flows'), ctx, useCluster.getState().takeRequests(), speed);
      if (!fitted.current) {
        fitted.current = true;
        fit();
      }
    });
    // fit() reads the latest layout through closure on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, layout, selected, t, speed, focus]);

  const zoomBy = (k: number) => {
    if (svgRef.current && zoomRef.current) select(svgRef.current).transition().duration(250).call(zoomRef.current.scaleBy, k);
  };

  return (
    <div className="diagram">
      <div className="diagram-tools" role="toolbar" aria-label={t('diagram.tools')}>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label={t('diagram.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label={t('diagram.zoomOut')}>
          −
        </button>
        <button type="button" onClick={fit}>
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
    </div>
  );
}
