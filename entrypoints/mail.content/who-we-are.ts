import {
  LEARNED_ADDRESSES_KEY,
  PROFILE_ADDRESSES_KEY,
  UNLEARNED_ADDRESSES_KEY,
  addressList,
  draftMark,
  learnFromSent,
  withLearned,
} from '../../services/mail-sites/ours';
import type { ReadResult } from '../../services/mail-sites/types';

/**
 * The business's addresses as this page's reads need them (profile's and learnt ones, from
 * storage.local), kept current as they change, and the learning from our own sent replies.
 * `onChange` runs when the set changes, so the open thread is read again with it.
 */
export async function whoWeAre(signal: AbortSignal, onChange: () => void) {
  let profile: string[] = [];
  let learned: string[] = [];
  let unlearned: string[] = [];
  let all: ReadonlySet<string> = new Set();
  /** First words of the drafts inserted on this page, to recognise them once sent. */
  const marks: string[] = [];

  const update = () => {
    all = new Set([...profile, ...learned]);
  };
  const stored = await browser.storage.local.get([
    PROFILE_ADDRESSES_KEY,
    LEARNED_ADDRESSES_KEY,
    UNLEARNED_ADDRESSES_KEY,
  ]);
  profile = addressList(stored[PROFILE_ADDRESSES_KEY]);
  learned = addressList(stored[LEARNED_ADDRESSES_KEY]);
  unlearned = addressList(stored[UNLEARNED_ADDRESSES_KEY]);
  update();

  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const p = changes[PROFILE_ADDRESSES_KEY];
    const l = changes[LEARNED_ADDRESSES_KEY];
    const u = changes[UNLEARNED_ADDRESSES_KEY];
    if (u) unlearned = addressList(u.newValue);
    if (!p && !l) return;
    if (p) profile = addressList(p.newValue);
    if (l) learned = addressList(l.newValue);
    update();
    onChange();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));

  return {
    ours: () => all,
    inserted(draft: string) {
      const mark = draftMark(draft);
      if (mark && !marks.includes(mark)) marks.push(mark);
    },
    /** After each reported read: a message that is a draft we inserted teaches its sender. */
    async learn(result: ReadResult) {
      if (!result.ok || marks.length === 0) return;
      const known = new Set(all);
      if (result.snapshot.userEmail) known.add(result.snapshot.userEmail);
      // An address the user removed in Options is not learnt again.
      const found = learnFromSent(result.snapshot, marks, known).filter((a) => !unlearned.includes(a));
      if (found.length === 0) return;
      // Read with the removed ones: a removal made in Options meanwhile is not written back.
      const current = await browser.storage.local.get([LEARNED_ADDRESSES_KEY, UNLEARNED_ADDRESSES_KEY]);
      const removed = addressList(current[UNLEARNED_ADDRESSES_KEY]);
      await browser.storage.local.set({
        [LEARNED_ADDRESSES_KEY]: withLearned(current[LEARNED_ADDRESSES_KEY], found).filter(
          (a) => !removed.includes(a),
        ),
      });
    },
  };
}
