import { storage } from 'wxt/utils/storage';
import type { ComplaintPrefill } from './prefill';

// The side panel's "Log complaint" form, kept per thread in storage.session while the user types:
// closing the panel mid-typing loses nothing, and the draft is gone when the browser closes.

export interface ComplaintDraft {
  form: ComplaintPrefill;
  savedAt: number;
}

type DraftKey = `session:complaintDraft:${string}`;
const keyOf = (threadKey: string): DraftKey => `session:complaintDraft:${threadKey}`;

export async function saveDraft(threadKey: string, form: ComplaintPrefill, now = Date.now()): Promise<void> {
  await storage.setItem<ComplaintDraft>(keyOf(threadKey), { form, savedAt: now });
}

export async function loadDraft(threadKey: string): Promise<ComplaintDraft | null> {
  return storage.getItem<ComplaintDraft>(keyOf(threadKey));
}

export async function clearDraft(threadKey: string): Promise<void> {
  await storage.removeItem(keyOf(threadKey));
}
