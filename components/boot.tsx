import '../services/zod-setup';
import { render, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { setLocale } from '../services/i18n';
import { uiLanguage } from '../services/settings';
import './base.css';

let paintDone = () => {};
/** Settles once the page's first useful paint is on screen: lazy parts wait for it (useLazy). */
export const afterFirstPaint = new Promise<void>((resolve) => (paintDone = resolve));

/** Called by the page part whose paint matters (the popup's agenda) when it is on screen. */
export function firstPaintDone(): void {
  paintDone();
}

/**
 * Every extension page starts the same way: language first, then the UI. With `paintedBy: 'page'`
 * a part of the page calls firstPaintDone() itself (the popup waits for its agenda).
 */
export async function startPage(
  App: ComponentType,
  mark: string,
  options: { paintedBy?: 'render' | 'page'; waitFor?: Promise<unknown> } = {},
): Promise<void> {
  // `waitFor`: a read already under way that the first render should include (at most 150 ms).
  const [language] = await Promise.all([
    uiLanguage.getValue(),
    options.waitFor && Promise.race([options.waitFor, new Promise((r) => setTimeout(r, 150))]),
  ]);
  setLocale(language);
  uiLanguage.watch((value) => setLocale(value));
  const root = document.getElementById('app');
  if (!root) throw new Error('Page has no #app element');
  render(<App />, root);
  performance.mark(`${mark}:first-render`);
  if (options.paintedBy !== 'page') requestAnimationFrame(() => setTimeout(firstPaintDone));
  // Complaints and tasks written here reach the shared sheet and lists at once (loaded after the
  // first paint: it needs the database module, which the popup's first paint does without).
  void afterFirstPaint
    .then(() => import('../services/sync/forward-edits'))
    .then((m) => m.forwardEditsToBackground());
}

/**
 * A part of a page that its first paint does not need, loaded by a dynamic `import()` (its own
 * chunk) once that paint is on screen, so its parsing never delays it: null until then. `load` must
 * be a stable function.
 */
export function useLazy<T>(load: () => Promise<T>): T | null {
  const [module, setModule] = useState<T | null>(null);
  useEffect(() => {
    let gone = false;
    void afterFirstPaint.then(load).then((m) => !gone && setModule(() => m));
    return () => {
      gone = true;
    };
  }, [load]);
  return module;
}
