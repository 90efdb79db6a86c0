import '../services/zod-setup';
import { render, type ComponentType } from 'preact';
import { setLocale } from '../services/i18n';
import { uiLanguage } from '../services/settings';
import './base.css';

/** Every extension page starts the same way: language first, then the UI. */
export async function startPage(App: ComponentType, mark: string): Promise<void> {
  setLocale(await uiLanguage.getValue());
  uiLanguage.watch((value) => setLocale(value));
  const root = document.getElementById('app');
  if (!root) throw new Error('Page has no #app element');
  render(<App />, root);
  performance.mark(`${mark}:first-render`);
}
