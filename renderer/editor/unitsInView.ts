// Which of the editor's units are on screen or nearly (renderer): the mark layer paints only those. Worked out from a
// unit's place when the layer asks, and kept until the page scrolls or changes size or the layer looks at everything
// again; not by an IntersectionObserver on every unit, since Chromium computes every observed target again at each
// frame the layout changed: with one target per unit, every key paid for all of them (0.3–0.5 ms a key on the bench's
// 20k report, more on longer ones).

/** How far above and below the scrolled view a unit still counts as in view, as a share of the view's height. */
const MARGIN = 0.1;

export class UnitsInView {
  /** What is known of each element since the last forget(). */
  private known = new WeakMap<Element, boolean>();
  private band: { top: number; bottom: number } | null = null;
  private readonly resize: ResizeObserver | null = null;
  private idle = 0;

  /**
   * `root`: the element the page scrolls in (null: the window). `moved` is told when what is in view may have changed:
   * at once when the view scrolled or changed size; when the page is next idle when only its content changed height
   * (a line more or less as the writer types: only a unit at the margin's far edge can have come into view).
   */
  constructor(
    private readonly root: HTMLElement | null,
    private readonly moved: () => void,
  ) {
    if (!root) return;
    root.addEventListener('scroll', this.scrolled, { passive: true });
    if (typeof ResizeObserver === 'undefined') return;
    const content = root.firstElementChild;
    this.resize = new ResizeObserver((entries) => {
      if (entries.some((e) => e.target === root)) return this.scrolled();
      if (!this.idle) {
        this.idle = requestIdleCallback(
          () => {
            this.idle = 0;
            this.forget();
            this.moved();
          },
          { timeout: 1000 },
        );
      }
    });
    this.resize.observe(root);
    if (content) this.resize.observe(content);
  }

  /** Whether `element` is in view (a layout read the first time it is asked for since the last forget()). */
  has(element: Element): boolean {
    let shown = this.known.get(element);
    if (shown === undefined) {
      const band = (this.band ??= this.measureBand());
      const r = element.getBoundingClientRect();
      shown = r.bottom >= band.top && r.top <= band.bottom;
      this.known.set(element, shown);
    }
    return shown;
  }

  /** Every element is looked at again when next asked for. */
  forget(): void {
    this.known = new WeakMap();
    this.band = null;
  }

  dispose(): void {
    this.root?.removeEventListener('scroll', this.scrolled);
    this.resize?.disconnect();
    if (this.idle) cancelIdleCallback(this.idle);
    this.idle = 0;
  }

  private readonly scrolled = (): void => {
    this.forget();
    this.moved();
  };

  private measureBand(): { top: number; bottom: number } {
    const { top, bottom } = this.root ? this.root.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const margin = (bottom - top) * MARGIN;
    return { top: top - margin, bottom: bottom + margin };
  }
}
