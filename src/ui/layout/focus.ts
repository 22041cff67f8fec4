/**
 * Moving keyboard focus out of a widget that keeps Tab for itself (the terminal completes with
 * Tab): the next or previous focusable element in document order, skipping the widget's own.
 */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

export function focusBeside(from: Element, inside: Element, direction: 1 | -1): boolean {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !inside.contains(el) && visible(el));
  const after = all.filter((el) => (from.compareDocumentPosition(el) & (direction === 1 ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING)) !== 0);
  const target = direction === 1 ? after[0] : after[after.length - 1];
  if (!target) return false;
  target.focus();
  return true;
}

/** Focuses an element that may not take focus by itself (a landmark, a panel), and shows it. */
export function focusTarget(el: HTMLElement): void {
  if (!el.matches(FOCUSABLE) && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
  el.scrollIntoView?.({ block: 'nearest' });
}
