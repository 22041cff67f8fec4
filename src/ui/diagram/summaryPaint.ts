/**
 * A crowded node's bar of pod counts per state, painted on the pods' canvas (podCanvas.ts).
 *
 * As SVG it was a group, five segments, five rectangles and five texts per node: at 200 nodes
 * 3,200 elements, whose counts changed on every refresh while 6,000 pods were being placed, and
 * each change made the browser lay out, pre-paint and paint the diagram's SVG again (the larger
 * part of a frame). Here the bars are drawn with the pods whenever the canvas repaints; the SVG
 * keeps one invisible role="img" stand-in per node that says the counts in words (podsLayer.ts).
 */

/** One state's segment, in the bar's own coordinates. */
export interface SummarySegment {
  tone: string;
  x: number;
  width: number;
  text: string;
}

export interface SummaryPaint {
  /** The node's name. */
  key: string;
  /** The bar's top-left corner in layout coordinates. */
  x: number;
  y: number;
  segments: SummarySegment[];
  /** The counts as one string: a bar whose look and place are unchanged is the same object (no repaint needed). */
  look: string;
}

/** A bar is 236 wide and 22 high in layout units (podsLayer.ts places its segments). */
export const SUMMARY_W = 236;
export const SUMMARY_H = 22;
/** Counts drawn smaller than this on screen (px) are left out: they cannot be read, and text is the costly part to draw. */
const LEGIBLE_PX = 4;

export interface SummaryPalette {
  tones: Record<string, { fill: string; stroke: string }>;
  ink: string;
}

/**
 * Paints the bars in view as the SVG drew them: a rounded rectangle per state in its colours,
 * with its glyph and count. `pixels` is device pixels per layout unit; `fontPx` the counts' size
 * in layout units (larger as the cards are drawn smaller, as the SVG's styles had it). (Drawing each bar into a bitmap of its own when
 * its counts changed cost more than this: 200 canvases made ten times a second.)
 */
export function paintSummaries(g: CanvasRenderingContext2D, bars: readonly SummaryPaint[], pal: SummaryPalette, pixels: number, fontPx: number, inView: (x: number, y: number, w: number, h: number) => boolean): void {
  const withText = fontPx * pixels >= LEGIBLE_PX;
  // Corners under a pixel are not worth a rounded path.
  const radius = 4 * pixels >= 1 ? 4 : 0;
  g.lineWidth = 1.5;
  // One path per state across all bars: a fill and a stroke per colour, not per segment.
  for (const tone of Object.keys(pal.tones)) {
    let any = false;
    g.beginPath();
    for (const bar of bars) {
      if (!inView(bar.x, bar.y, SUMMARY_W, SUMMARY_H)) continue;
      for (const s of bar.segments) {
        if (s.tone !== tone) continue;
        any = true;
        if (radius) g.roundRect(bar.x + s.x, bar.y, s.width, SUMMARY_H, radius);
        else g.rect(bar.x + s.x, bar.y, s.width, SUMMARY_H);
      }
    }
    if (!any) continue;
    g.fillStyle = pal.tones[tone].fill;
    g.fill();
    g.strokeStyle = pal.tones[tone].stroke;
    g.stroke();
  }
  if (!withText || bars.length === 0) return;
  // Set only when text is drawn: setting a canvas's font makes the browser bring the page's
  // styles up to date there and then (the font may be relative to the canvas's own).
  g.font = `700 ${fontPx}px system-ui, sans-serif`;
  g.textAlign = 'start';
  g.textBaseline = 'alphabetic';
  g.fillStyle = pal.ink;
  for (const bar of bars) {
    if (!inView(bar.x, bar.y, SUMMARY_W, SUMMARY_H)) continue;
    for (const s of bar.segments) g.fillText(s.text, bar.x + s.x + 6, bar.y + 15);
  }
}
