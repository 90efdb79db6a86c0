import { useLazy } from '../boot';

// The popup's routines corner, mounted with one line: its Dexie queries load after the popup's
// first paint, in their own chunk.
const load = () => import('./PeopleDueToday');

export function PopupRoutines() {
  const mod = useLazy(load);
  return mod ? <mod.PeopleDueToday /> : null;
}
