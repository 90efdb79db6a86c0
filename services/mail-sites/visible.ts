// Whether the user can see an element of the mail page. Real pages hide earlier threads and their
// drafts with stylesheet classes, not inline markers, so the live page is asked for its layout
// (`checkVisibility()`, Chromium 105+ / Firefox 106+). Saved pages parsed without a window (tests)
// keep only their markup, so there the inline markers are what is left to go on.

const INLINE_NONE = /display\s*:\s*none/i;

export function isShown(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (view && typeof el.checkVisibility === 'function') {
    // aria-hidden is not looked at here: Gmail sets it on the whole app while a dialog is open.
    return el.checkVisibility({ visibilityProperty: true });
  }
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return false;
    const style = node.getAttribute('style');
    if (style && INLINE_NONE.test(style)) return false;
    if (view?.getComputedStyle) {
      const computed = view.getComputedStyle(node);
      if (computed.display === 'none' || computed.visibility === 'hidden') return false;
    }
  }
  return true;
}

/** The first of `elements` the user can see. */
export function firstShown<T extends Element>(elements: Iterable<T>): T | null {
  for (const el of elements) if (isShown(el)) return el;
  return null;
}

const elementKeys = new WeakMap<Element, number>();
let nextElementKey = 1;

/** A number per element, so a fingerprint changes when the site swaps an element for a new one. */
export function elementKey(el: Element): number {
  let key = elementKeys.get(el);
  if (key === undefined) {
    key = nextElementKey++;
    elementKeys.set(el, key);
  }
  return key;
}
