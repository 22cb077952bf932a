/**
 * The pad's width, set by dragging its left edge or with the arrow keys on that edge: a focusable separator, as in the
 * WAI-ARIA window splitter pattern (its value is the width in pixels). Kept from 320 px to 60 % of the window, and fitted
 * again when the window is resized; the width the user chose is what is remembered.
 */
export const MIN_PAD_WIDTH = 320;
export const DEFAULT_PAD_WIDTH = 440;
const MOST_OF_WINDOW = 0.6;
const STEP = 16;

/** Pure: a width kept within its bounds for a window this wide (at least the minimum, even in a narrow window). */
export function clampPadWidth(width: number, windowWidth: number): number {
  return Math.round(Math.min(Math.max(width, MIN_PAD_WIDTH), Math.max(MIN_PAD_WIDTH, windowWidth * MOST_OF_WINDOW)));
}

/**
 * The separator for the pad's left edge. `show` is called with each width to show (clamped), `chosen` once the user has
 * finished changing it (a drag let go, a key pressed).
 */
export function padWidthSeparator(
  document: Document,
  initial: number | undefined,
  { show, chosen }: { show: (width: number) => void; chosen: (width: number) => void },
): HTMLElement {
  const window = document.defaultView as Window;
  const separator = document.createElement('div');
  separator.className = 'resize';
  separator.tabIndex = 0;
  for (const [name, value] of [
    ['role', 'separator'],
    ['aria-orientation', 'vertical'],
    ['aria-label', 'Pad width: drag, or use the left and right arrow keys'],
    ['aria-valuemin', String(MIN_PAD_WIDTH)],
  ] as const) {
    separator.setAttribute(name, value);
  }
  let wanted = initial ?? DEFAULT_PAD_WIDTH;
  let shown = wanted;
  const fitToWindow = () => {
    shown = clampPadWidth(wanted, window.innerWidth);
    separator.setAttribute('aria-valuenow', String(shown));
    separator.setAttribute('aria-valuemax', String(clampPadWidth(Number.POSITIVE_INFINITY, window.innerWidth)));
    separator.setAttribute('aria-valuetext', `${shown} pixels wide`);
    show(shown);
  };
  const set = (width: number) => {
    wanted = clampPadWidth(width, window.innerWidth);
    fitToWindow();
  };

  separator.addEventListener('keydown', (event) => {
    const next = { ArrowLeft: shown + STEP, ArrowRight: shown - STEP, Home: 0, End: Number.POSITIVE_INFINITY }[
      event.key
    ];
    if (next === undefined) return;
    event.preventDefault();
    set(next);
    chosen(wanted);
  });

  separator.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    separator.setPointerCapture(event.pointerId);
    separator.classList.add('dragging');
    // The panel's left edge is the viewport's right edge (scrollbar excluded) less the width; keep the grab point.
    const edge = () => document.documentElement.clientWidth;
    const grab = edge() - shown - event.clientX;
    const move = (moved: PointerEvent) => set(edge() - moved.clientX - grab);
    separator.addEventListener('pointermove', move);
    separator.addEventListener(
      'lostpointercapture',
      () => {
        separator.removeEventListener('pointermove', move);
        separator.classList.remove('dragging');
        chosen(wanted);
      },
      { once: true },
    );
  });

  window.addEventListener('resize', fitToWindow);
  fitToWindow();
  return separator;
}
