import { browser } from 'wxt/browser';
import { Dexie, type ObservabilitySet } from 'dexie';
import { db } from '../db/db';
import type { Provider } from '../auth/tokens';
import { enqueue, type OutboxHandler } from '../outbox/outbox';
import { kickOutbox } from '../outbox/worker';
import { ensureRepeatingAlarm } from '../background/alarms';
import { pageEditedWithin, requestAfterEdit } from '../sync/worker';
import { excelTable } from './excel';
import { googleSheets } from './google-sheets';
import type { SheetRemote } from './remote';
import { syncComplaintSheet, type SheetLink, type SheetPassReport } from './sync';

// The complaint log's passes go through the outbox like the task lists' (services/sync/worker.ts):
// one item per pass and generation, with the outbox's backoff, Retry-After and waits for sign-in.
// The link and the last pass's report live in syncMeta under one key (no new table).

export const SHEET_KIND = 'complaint-sheet';
const META_KEY = 'complaint-sheet';
const ALARM = 'complaint-sheet';

export interface ComplaintSheetState extends SheetLink {
  enabled: boolean;
  generation: number;
  lastSyncAt: number | null;
  lastReport: SheetPassReport | null;
  /** The error kind or message of the last failed pass (cleared by the next good one). */
  lastError: string | null;
}

export const sheetRemote = (provider: Provider): SheetRemote =>
  provider === 'google' ? googleSheets() : excelTable();

export async function complaintSheet(): Promise<ComplaintSheetState | null> {
  return ((await db.syncMeta.get(META_KEY))?.value as ComplaintSheetState | undefined) ?? null;
}

async function save(state: ComplaintSheetState): Promise<void> {
  await db.syncMeta.put({ key: META_KEY, value: state, updatedAt: Date.now() });
}

/**
 * Reads and writes the state in one transaction, so a pass ending and a click in Options never
 * undo each other (a stale `generation` written back would name an outbox item already done, and no
 * pass would be queued again). `change` returns the state to save, or null to leave it.
 */
function updateState(
  change: (current: ComplaintSheetState) => ComplaintSheetState | null,
): Promise<ComplaintSheetState | null> {
  return db.transaction('rw', db.syncMeta, async () => {
    const current = await complaintSheet();
    if (!current) return null;
    const next = change(current);
    if (next) await save(next);
    return next;
  });
}

/**
 * Links the log to a spreadsheet. A new sheet starts from nothing pushed; the same sheet linked again
 * (Stop, then join it back) keeps what was written to it, so rows a colleague deleted meanwhile are
 * seen as deleted there, not appended again.
 */
export function enableComplaintSheet(link: Omit<SheetLink, 'pushed'>): Promise<ComplaintSheetState> {
  // Read and written in one transaction, like every other change of the state (see updateState).
  return db.transaction('rw', db.syncMeta, async () => {
    const previous = await complaintSheet();
    const same = previous?.provider === link.provider && previous.sheetId === link.sheetId;
    const state: ComplaintSheetState = {
      ...link,
      url: link.url || (same ? previous.url : ''),
      pushed: same ? previous.pushed : {},
      enabled: true,
      generation: (previous?.generation ?? 0) + 1,
      lastSyncAt: null,
      lastReport: null,
      lastError: null,
    };
    await save(state);
    return state;
  });
}

/**
 * Complaints whose rows were deleted in the sheet go back into it at the next pass: forgetting that
 * they were ever written makes them new to the sheet. Queues that pass.
 */
export async function addBackToSheet(ids: readonly string[]): Promise<void> {
  const saved = await updateState((current) => {
    const pushed = { ...current.pushed };
    for (const id of ids) delete pushed[id];
    const removed = (current.lastReport?.removed ?? []).filter((r) => !ids.includes(r.id));
    return { ...current, pushed, lastReport: current.lastReport ? { ...current.lastReport, removed } : null };
  });
  if (saved) await requestComplaintSheetSync();
}

/** Stops syncing; the local complaints and the spreadsheet are both left as they are. */
export async function disableComplaintSheet(): Promise<void> {
  await updateState((current) => ({ ...current, enabled: false }));
}

export function complaintSheetHandler(remoteFor: (p: Provider) => SheetRemote = sheetRemote): OutboxHandler {
  return {
    kind: SHEET_KIND,
    async run() {
      const state = await complaintSheet();
      if (!state?.enabled) return { skipped: true };
      try {
        const { link, report } = await syncComplaintSheet(remoteFor(state.provider), state);
        const saved = await updateState((latest) => {
          // Turned off or relinked meanwhile: this pass's state is stale.
          if (!latest.enabled || latest.generation !== state.generation) return null;
          // Rows put back (Add back to the sheet) while this pass ran stay forgotten, so the next
          // pass appends them.
          const pushed = { ...link.pushed };
          const addedBack = new Set(
            (report.removed ?? []).filter((r) => !(r.id in latest.pushed)).map((r) => r.id),
          );
          for (const id of addedBack) delete pushed[id];
          report.removed = (report.removed ?? []).filter((r) => !addedBack.has(r.id));
          // The next generation lets the next request queue a new outbox item (the key names it).
          return {
            ...latest,
            pushed,
            generation: latest.generation + 1,
            lastSyncAt: Date.now(),
            lastReport: report,
            lastError: null,
          };
        });
        return saved ? report : { skipped: true };
      } catch (err) {
        const kind = (err as { kind?: string } | null)?.kind;
        await updateState((latest) => ({
          ...latest,
          lastError: kind ?? String((err as Error)?.message ?? err),
        }));
        throw err;
      }
    },
  };
}

/** Queues a pass (one per generation at a time); null when the log is not linked. */
export async function requestComplaintSheetSync(): Promise<string | null> {
  const state = await complaintSheet();
  if (!state?.enabled) return null;
  return (await enqueue(SHEET_KIND, `${SHEET_KIND}:${state.generation}`, {})).id;
}

/**
 * A complaint added or changed in any page of the extension (the side panel, the dashboard) asks
 * for a pass a few seconds later (a burst of edits is one pass), so the shared sheet hears of it at
 * once rather than at the 5-minute alarm. Dexie reports writes from every page of the extension
 * ("storagemutated", carried between pages over a BroadcastChannel).
 */
export function watchComplaintEdits(delayMs = 3_000): () => void {
  const prefix = `idb://${db.name}/complaints/`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = (parts: ObservabilitySet) => {
    if (!Object.keys(parts).some((k) => k.startsWith(prefix))) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A page already asked for this pass (its edit is what this watcher heard).
      if (pageEditedWithin(delayMs + 5_000)) return;
      void requestAfterEdit(requestComplaintSheetSync).catch((err) =>
        console.warn('Complaint sheet pass not queued', err),
      );
    }, delayMs);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(listener);
  };
}

export function registerComplaintSheet(): Promise<unknown> {
  watchComplaintEdits();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void requestComplaintSheetSync()
      .then(kickOutbox)
      .catch((err) => console.warn('Complaint sheet pass not queued', err));
  });
  return ensureRepeatingAlarm(ALARM, 5, 1).catch((err) =>
    console.error('Complaint sheet alarm not set', err),
  );
}
