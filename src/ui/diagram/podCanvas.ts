/**
 * Pods painted on a canvas laid over the diagram's SVG, with the same zoom.
 *
 * Hundreds of pods changing state at once (a rollout of 3,000 at ×16) made the browser restyle,
 * lay out and repaint the SVG for 60–130 ms a frame. Painted here, a refresh costs a couple of
 * milliseconds; the SVG keeps, for each pod, only an invisible focusable element that carries
 * its name and state for keyboards and screen readers and takes the clicks.
 *
 * Motion is kept: a pod fades and grows in where it appears, glides when it moves, and fades out
 * when it goes. More than MAX_ANIMATED changes at once are made without motion.
 *
 * Crowded nodes' bars of counts are painted here too, under the pods (summaryPaint.ts).
 */
import { paintSummaries, type SummaryPaint } from './summaryPaint';

export interface PodPaint {
  uid: string;
  x: number;
  y: number;
  tone: string;
  glyph: string;
  restarts: number;
  selected: boolean;
  focused: boolean;
  dimmed: boolean;
  /** Its look as one key (state, glyph, selected, focus), made once per paint: the sprite it is stamped from. */
  look: string;
}

export function lookOf(tone: string, glyph: string, selected: boolean, focused: boolean): string {
  return `${tone}|${glyph}|${selected}|${focused}`;
}

interface Sprite {
  paint: PodPaint;
  /** Where it is drawn now, and where it is going. */
  x: number;
  y: number;
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
  /** 0 → 1 while entering, 1 → 0 while leaving. */
  fromAlpha: number;
  toAlpha: number;
  alpha: number;
  scale: number;
  fromScale: number;
  start: number;
  leaving: boolean;
  /** Still gliding, growing or fading (as of the last frame painted). */
  moving?: boolean;
}

const HALF = 10;
const MOVE_MS = 450;
const MAX_ANIMATED = 60;

interface Palette {
  tones: Record<string, { fill: string; stroke: string }>;
  accent: string;
  bad: string;
  panel: string;
  focus: string;
  ink: string;
}

/**
 * The theme's colours as the canvas needs them: resolved (the stylesheet's light-dark() pairs
 * are resolved by the browser for an element, so a hidden probe inside the diagram is asked).
 */
function readPalette(el: Element): Palette {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  el.parentElement!.appendChild(probe);
  const v = (name: string) => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color;
  };
  const tone = (t: string) => ({ fill: v(`--${t}-bg`), stroke: v(`--${t}`) });
  const palette = { tones: { running: tone('ok'), pending: tone('warn'), failed: tone('bad'), done: tone('done'), terminating: tone('gone') }, accent: v('--accent'), bad: v('--bad'), panel: v('--panel'), focus: '#d97706', ink: v('--ink') };
  probe.remove();
  return palette;
}

/** Room around a pod's square in its sprite, for the thick selection stroke and the lesson's focus ring. */
const PAD = 6;

/**
 * Each look a pod can have (state, selected, lesson focus), drawn once at the current zoom and
 * then stamped for every pod with that look: a rollout's frame paints hundreds of pods, and
 * drawing each square, outline and glyph anew (the glyph's text most of all) was most of it.
 */
class SpriteCache {
  /** By look: the sprite with its glyph, and without (for a pod still growing in). */
  private sprites = new Map<string, { full?: Sprite2D; bare?: Sprite2D }>();
  private scale = 0;
  private palette: Palette | undefined;

  get(pal: Palette, scale: number, p: PodPaint, withGlyph: boolean): Sprite2D {
    if (scale !== this.scale || pal !== this.palette) {
      // An ImageBitmap's pixels are freed when it is closed, not when the garbage collector comes by.
      for (const e of this.sprites.values()) for (const b of [e.full, e.bare]) if (b && 'close' in b) b.close();
      this.sprites.clear();
      this.scale = scale;
      this.palette = pal;
    }
    let entry = this.sprites.get(p.look);
    if (!entry) this.sprites.set(p.look, (entry = {}));
    if (withGlyph) return (entry.full ??= drawSprite(pal, scale, p.tone, p.glyph, p.selected, p.focused));
    return (entry.bare ??= drawSprite(pal, scale, p.tone, '', p.selected, p.focused));
  }
}

type Sprite2D = HTMLCanvasElement | ImageBitmap;

function drawSprite(pal: Palette, scale: number, tone: string, glyph: string, selected: boolean, focused: boolean): Sprite2D {
  const size = Math.max(1, Math.ceil((HALF + PAD) * 2 * scale));
  const sprite = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(size, size) : Object.assign(document.createElement('canvas'), { width: size, height: size });
  const g = sprite.getContext('2d') as CanvasRenderingContext2D;
  g.setTransform(scale, 0, 0, scale, (HALF + PAD) * scale, (HALF + PAD) * scale);
  const colours = pal.tones[tone] ?? pal.tones.pending;
  g.beginPath();
  g.roundRect(-HALF, -HALF, HALF * 2, HALF * 2, 4);
  g.fillStyle = colours.fill;
  g.fill();
  g.setLineDash(tone === 'terminating' ? [3, 2] : []);
  g.lineWidth = selected ? 3 : 1.5;
  g.strokeStyle = selected ? pal.accent : colours.stroke;
  g.stroke();
  if (focused) {
    g.setLineDash([8, 4]);
    g.lineWidth = 3;
    g.strokeStyle = pal.focus;
    g.beginPath();
    g.roundRect(-HALF - 3, -HALF - 3, HALF * 2 + 6, HALF * 2 + 6, 6);
    g.stroke();
  }
  g.setLineDash([]);
  g.font = '13px system-ui, sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillStyle = colours.stroke;
  g.fillText(glyph, 0, 1);
  // A finished image, not a canvas: a canvas stamped 1,500 times a frame is snapshotted at each
  // stamp, an ImageBitmap is a plain image (the stamps cost half as much).
  return 'transferToImageBitmap' in sprite ? sprite.transferToImageBitmap() : sprite;
}

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);

export class PodCanvas {
  private sprites = new Map<string, Sprite>();
  private transform = { k: 1, x: 0, y: 0 };
  private frame = 0;
  private palette: Palette | undefined;
  private paletteKey = '';
  private reducedMotion = typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  /** Asked every frame for the theme's colours: made once (matchMedia builds a new query each call). */
  private darkQuery = matchMedia('(prefers-color-scheme: dark)');
  private spriteCache = new SpriteCache();
  private summaries: SummaryPaint[] = [];
  /** The pods at rest (and the bars), painted once into stillCanvas while others move; dropped whenever anything changes. */
  private still: { members: Set<Sprite> } | undefined;
  /**
   * The canvas the still picture is painted into, kept for the next one: a new canvas of the
   * diagram's size at every refresh of a rollout was megabytes of pixels for the garbage
   * collector each time.
   */
  private stillCanvas: HTMLCanvasElement | OffscreenCanvas | undefined;

  /**
   * The canvas's size in CSS px, kept by a ResizeObserver: read in paint (clientWidth), it made
   * the browser lay out the whole diagram there and then, as the drawing had just changed it.
   */
  private size = { width: 0, height: 0 };
  private resize: ResizeObserver | undefined;

  /**
   * `zooms`: below `far` the bars' counts are drawn at 17 px, below `compact` at 14 px, else at
   * 11 px (Diagram.tsx's FAR_BELOW_SCALE and DETAIL_SCALE, where the cards' words grow too).
   */
  constructor(
    private canvas: HTMLCanvasElement,
    private zooms = { far: 0, compact: 0 },
  ) {
    this.size = { width: canvas.clientWidth, height: canvas.clientHeight };
    if (typeof ResizeObserver === 'undefined') return;
    this.resize = new ResizeObserver(([entry]) => {
      this.size = { width: entry.contentRect.width, height: entry.contentRect.height };
      this.schedule();
    });
    this.resize.observe(canvas);
  }

  /** The crowded nodes' bars to show now (no motion: they change in place). */
  updateSummaries(bars: SummaryPaint[]): void {
    const old = this.summaries;
    this.summaries = bars;
    if (old.length === bars.length && bars.every((b, i) => b === old[i] || (b.key === old[i].key && b.look === old[i].look && b.x === old[i].x && b.y === old[i].y))) return;
    this.still = undefined;
    this.schedule();
  }

  /** The pods to show now; what is new fades in, what moved glides, what is gone fades out. */
  update(pods: PodPaint[]): void {
    const now = performance.now();
    const seen = new Set<string>();
    let changes = 0;
    for (const p of pods) {
      seen.add(p.uid);
      const s = this.sprites.get(p.uid);
      if (!s || s.leaving || s.toX !== p.x || s.toY !== p.y) changes++;
    }
    for (const s of this.sprites.values()) if (!seen.has(s.paint.uid) && !s.leaving) changes++;
    const animate = !this.reducedMotion && changes <= MAX_ANIMATED;
    // Nothing new, moved, gone or looking different: nothing to repaint (the diagram hands over
    // every pod on each refresh, most of them unchanged).
    let repaint = changes > 0 || this.themeKey() !== this.paletteKey;
    for (const p of pods) {
      const s = this.sprites.get(p.uid);
      if (s && s.paint !== p) repaint = true;
      if (!s) {
        this.sprites.set(p.uid, { paint: p, x: p.x, y: p.y, fromX: p.x, fromY: p.y, toX: p.x, toY: p.y, fromAlpha: animate ? 0 : 1, toAlpha: 1, alpha: animate ? 0 : 1, scale: animate ? 0.2 : 1, fromScale: animate ? 0.2 : 1, start: now, leaving: false });
        continue;
      }
      s.paint = p;
      if (s.toX !== p.x || s.toY !== p.y || s.leaving) {
        s.fromX = animate ? s.x : p.x;
        s.fromY = animate ? s.y : p.y;
        s.toX = p.x;
        s.toY = p.y;
        s.fromAlpha = animate ? s.alpha : 1;
        s.toAlpha = 1;
        s.fromScale = animate ? s.scale : 1;
        s.leaving = false;
        s.start = now;
      }
    }
    for (const s of this.sprites.values()) {
      if (seen.has(s.paint.uid) || s.leaving) continue;
      if (!animate) {
        this.sprites.delete(s.paint.uid);
        continue;
      }
      s.leaving = true;
      s.fromX = s.toX = s.x;
      s.fromY = s.toY = s.y;
      s.fromAlpha = s.alpha;
      s.toAlpha = 0;
      s.fromScale = s.scale;
      s.start = now;
    }
    if (!repaint) return;
    this.still = undefined;
    this.schedule();
  }

  setTransform(t: { k: number; x: number; y: number }): void {
    this.transform = { k: t.k, x: t.x, y: t.y };
    this.still = undefined;
    this.schedule();
  }

  /** The theme in force (the system's light or dark, or the one chosen): the palette is read again when it changes. */
  private themeKey(): string {
    return `${this.darkQuery.matches}|${document.documentElement.dataset.theme ?? ''}`;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.paint()) this.schedule();
    });
  }

  /** Paints one frame; true while something is still moving. */
  private paint(): boolean {
    const canvas = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const { width: w, height: h } = this.size;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      this.still = undefined;
    }
    const key = this.themeKey();
    if (!this.palette || key !== this.paletteKey) {
      this.palette = readPalette(canvas);
      this.paletteKey = key;
      this.still = undefined;
    }
    const pal = this.palette;
    const { k, x, y } = this.transform;
    // What is on screen, in layout coordinates (with a pod's size of margin).
    const left = -x / k - HALF * 2;
    const top = -y / k - HALF * 2;
    const right = (w - x) / k + HALF * 2;
    const bottom = (h - y) / k + HALF * 2;
    const now = performance.now();
    let moving = false;
    const pixels = dpr * k;
    const countsPx = k < this.zooms.far ? 17 : k < this.zooms.compact ? 14 : 11;
    // Where each pod is now (values(), not entries(): an entry is an array made per pod per frame).
    for (const s of this.sprites.values()) {
      const t = Math.min(1, (now - s.start) / MOVE_MS);
      const e = ease(t);
      s.x = s.fromX + (s.toX - s.fromX) * e;
      s.y = s.fromY + (s.toY - s.fromY) * e;
      s.alpha = s.fromAlpha + (s.toAlpha - s.fromAlpha) * e;
      s.scale = s.leaving ? s.fromScale : s.fromScale + (1 - s.fromScale) * e;
      s.moving = t < 1;
      if (s.moving) moving = true;
      else if (s.leaving) this.sprites.delete(s.paint.uid);
    }
    const inView = (bx: number, by: number, bw: number, bh: number) => bx < right && bx + bw > left && by < bottom && by + bh > top;
    const zoomed = (g: CanvasRenderingContext2D) => g.setTransform(dpr * k, 0, 0, dpr * k, dpr * x, dpr * y);
    /** A sprite's centre, from its middle to the sprite's edge, in device pixels (its drawing is centred there: drawSprite). */
    const reachPx = (HALF + PAD) * pixels;
    /**
     * Stamps sprites in device pixels, then their restart badges over them in layout units. A
     * sprite at full size was drawn for this zoom: it is copied pixel for pixel onto whole pixels,
     * which costs a third of a resampled copy — a rollout zoomed in stamps 1,500 of them whenever
     * the pods at rest are painted again. Only a pod growing in is resampled.
     */
    /** How opaque a sprite is drawn: fading in or out, and faint when another workload is in focus. */
    const alphaOf = (s: Sprite) => s.alpha * (s.paint.dimmed ? 0.25 : 1);
    const stampAll = (g: CanvasRenderingContext2D, sprites: Iterable<Sprite>) => {
      const badges: Sprite[] = [];
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.imageSmoothingEnabled = false;
      for (const s of sprites) {
        if (s.x < left || s.x > right || s.y < top || s.y > bottom) continue;
        const p = s.paint;
        g.globalAlpha = alphaOf(s);
        // (A pod growing in shows its square without the glyph until it is nearly full size.)
        const sprite = this.spriteCache.get(pal, pixels, p, s.scale > 0.6);
        const cx = dpr * (k * s.x + x);
        const cy = dpr * (k * s.y + y);
        if (Math.abs(s.scale - 1) < 1e-6) g.drawImage(sprite, Math.round(cx - reachPx), Math.round(cy - reachPx));
        else {
          const reach = reachPx * s.scale;
          g.imageSmoothingEnabled = true;
          g.drawImage(sprite, cx - reach, cy - reach, reach * 2, reach * 2);
          g.imageSmoothingEnabled = false;
        }
        if (p.restarts > 0) badges.push(s);
      }
      g.imageSmoothingEnabled = true;
      zoomed(g);
      for (const s of badges) {
        const half = HALF * s.scale;
        g.globalAlpha = alphaOf(s);
        g.beginPath();
        g.arc(s.x + half, s.y - half, 4.5, 0, Math.PI * 2);
        g.fillStyle = pal.bad;
        g.fill();
        g.lineWidth = 1;
        g.strokeStyle = pal.panel;
        g.stroke();
      }
      g.globalAlpha = 1;
    };
    const g = canvas.getContext('2d')!;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, canvas.width, canvas.height);
    if (!moving) {
      // Everything at rest: one paint, and nothing kept.
      this.still = undefined;
      zoomed(g);
      paintSummaries(g, this.summaries, pal, pixels, countsPx, inView);
      stampAll(g, this.sprites.values());
      return false;
    }
    // While a few pods move, the rest (and the bars of counts) are painted once into a bitmap
    // that each frame stamps whole: repainting a thousand pods in view on every frame of a
    // half-second glide was most of those frames.
    if (!this.still) {
      let bitmap = this.stillCanvas;
      if (!bitmap || bitmap.width !== canvas.width || bitmap.height !== canvas.height) {
        bitmap = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(canvas.width, canvas.height) : Object.assign(document.createElement('canvas'), { width: canvas.width, height: canvas.height });
        this.stillCanvas = bitmap;
      }
      const sg = bitmap.getContext('2d') as CanvasRenderingContext2D;
      sg.setTransform(1, 0, 0, 1, 0, 0);
      sg.clearRect(0, 0, bitmap.width, bitmap.height);
      zoomed(sg);
      paintSummaries(sg, this.summaries, pal, pixels, countsPx, inView);
      const members = new Set<Sprite>();
      for (const s of this.sprites.values()) if (!s.moving) members.add(s);
      stampAll(sg, members);
      this.still = { members };
    }
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.drawImage(this.stillCanvas!, 0, 0);
    const loose: Sprite[] = [];
    for (const s of this.sprites.values()) if (!this.still.members.has(s)) loose.push(s);
    stampAll(g, loose);
    return true;
  }

  dispose(): void {
    this.resize?.disconnect();
    cancelAnimationFrame(this.frame);
  }
}
