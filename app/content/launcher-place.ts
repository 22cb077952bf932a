/**
 * Where the closed launcher sits on the right edge: where the user last dragged it (else 38 % down the window), unless
 * there it would cover a text field of the page (input, textarea, contenteditable); then at the nearest free spot along
 * the edge. A launcher over the notes box would take the click meant for the consultation's notes.
 */
const GAP = 8;
/** A launcher dragged less than this is clicked, not moved. */
const DRAG_THRESHOLD = 6;
const NOT_TEXT = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

type Span = { top: number; bottom: number };

/**
 * Pure: the top nearest `wanted`, for a box `height` tall in a viewport `viewport` tall, that keeps GAP px clear of each
 * field's span. Where no spot is free, `wanted` (kept within the viewport).
 */
export function freeTop(wanted: number, height: number, viewport: number, fields: readonly Span[]): number {
  const lowest = GAP;
  const highest = Math.max(GAP, viewport - height - GAP);
  const within = (top: number) => Math.min(Math.max(top, lowest), highest);
  const blocked = fields.map((field) => [field.top - height - GAP, field.bottom + GAP] as const);
  const free = (top: number) => blocked.every(([above, below]) => top <= above || top >= below);
  const candidates = [within(wanted), lowest, highest, ...blocked.flat()].filter(
    (top) => top >= lowest && top <= highest && free(top),
  );
  const nearest = (best: number, top: number) => (Math.abs(top - wanted) < Math.abs(best - wanted) ? top : best);
  return Math.round(candidates.reduce(nearest, candidates[0] ?? within(wanted)));
}

/** The vertical spans of the page's visible text fields that reach into the strip from `left` to `right`. */
export function textFieldSpans(document: Document, left: number, right: number): Span[] {
  const spans: Span[] = [];
  for (const element of Array.from(document.querySelectorAll('input, textarea, [contenteditable]'))) {
    const isInput = element.tagName === 'INPUT';
    if (isInput && NOT_TEXT.has((element as HTMLInputElement).type)) continue;
    if (!isInput && element.tagName !== 'TEXTAREA' && !(element as HTMLElement).isContentEditable) continue;
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && box.right > left && box.left < right) {
      spans.push({ top: box.top, bottom: box.bottom });
    }
  }
  return spans;
}

/**
 * Lets the user drag the launcher up or down the edge. `moved` is called with each top while dragging, `dropped` once let
 * go. Returns whether the last press was a drag (its click then does not open the pad).
 */
export function dragAlongEdge(
  launcher: HTMLElement,
  { moved, dropped }: { moved: (top: number) => void; dropped: () => void },
): () => boolean {
  let dragged = false;
  launcher.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    dragged = false;
    launcher.setPointerCapture(event.pointerId);
    const start = { y: event.clientY, top: launcher.getBoundingClientRect().top };
    const move = (pointer: PointerEvent) => {
      const by = pointer.clientY - start.y;
      dragged ||= Math.abs(by) >= DRAG_THRESHOLD;
      if (dragged) moved(start.top + by);
    };
    launcher.addEventListener('pointermove', move);
    // Let go (or cancelled): before the click that follows, so that click knows it ended a drag.
    launcher.addEventListener(
      'lostpointercapture',
      () => {
        launcher.removeEventListener('pointermove', move);
        if (dragged) dropped();
      },
      { once: true },
    );
  });
  return () => {
    const was = dragged;
    dragged = false;
    return was;
  };
}

/**
 * Keeps the launcher at its place while the pad is closed: checked now, and again (once a frame) when the window is
 * resized or scrolled, when focus enters a field, and when `check` is called (the page re-rendered). A drop is
 * remembered through `remember`, at the free spot it settles in.
 */
export function keepLauncherPlaced(
  document: Document,
  launcher: HTMLElement,
  { wanted, isOpen, remember }: { wanted: () => number; isOpen: () => boolean; remember: (top: number) => void },
): { check: () => void; wasDragged: () => boolean } {
  const window = document.defaultView as Window;
  let dragging = false;
  const placeNear = (top: number) => {
    const box = launcher.getBoundingClientRect();
    const spans = textFieldSpans(document, box.left, box.right);
    const placed = freeTop(top, box.height, window.innerHeight, spans);
    launcher.style.top = `${placed}px`;
    return placed;
  };
  let pending = false;
  const check = () => {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(() => {
      pending = false;
      if (!dragging && !isOpen()) placeNear(wanted());
    });
  };
  const wasDragged = dragAlongEdge(launcher, {
    moved: (top) => {
      dragging = true;
      const highest = window.innerHeight - launcher.getBoundingClientRect().height;
      launcher.style.top = `${Math.min(Math.max(top, 0), Math.max(0, highest))}px`;
    },
    dropped: () => {
      dragging = false;
      remember(placeNear(launcher.getBoundingClientRect().top));
    },
  });
  window.addEventListener('resize', check);
  window.addEventListener('scroll', check, { capture: true, passive: true });
  document.addEventListener('focusin', check, true);
  check();
  return { check, wasDragged };
}
