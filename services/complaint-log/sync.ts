import { db, type Complaint } from '../db/db';
import { complaintWords } from '../db/complaints';
import { headerRow, planSheet, type Pushed, type SheetProblem } from './sheet';
import type { SheetRemote } from './remote';

// One pass of the complaint log ⇄ spreadsheet. The sheet is written first and the local database
// after, and `pushed` is handed back only when everything went through: a pass cut short (revoked
// token, 429 beyond the inline wait, no network) changes nothing that the next pass would not redo,
// and a row whose append answer was lost is found by its id next time, never added twice.

export interface SheetLink {
  provider: SheetRemote['provider'];
  sheetId: string;
  url: string;
  pushed: Pushed;
}

export interface SheetPassReport {
  appended: number;
  updated: number;
  statusesIn: number;
  imported: number;
  problems: SheetProblem[];
  /** Rows deleted in the sheet; the complaints are kept here and not added again. */
  removed?: { id: string; subject: string }[];
}

export async function syncComplaintSheet(
  remote: SheetRemote,
  link: SheetLink,
  now = Date.now(),
): Promise<{ link: SheetLink; report: SheetPassReport }> {
  let rows = await remote.read(link.sheetId);
  // A new (or emptied) sheet gets the header row; a header someone edited is mapped by name instead.
  if (!(rows[0] ?? []).some((v) => String(v ?? '').trim() !== '')) {
    await remote.update(link.sheetId, 1, headerRow());
    rows = [headerRow(), ...rows.slice(1)];
  }
  const local = await db.complaints.toArray();
  const plan = planSheet(local, rows, link.pushed, now);
  if (plan.updates.length) await remote.updateRows(link.sheetId, plan.updates);
  if (plan.appends.length)
    await remote.append(
      link.sheetId,
      plan.appends.map((a) => a.cells),
    );
  await db.transaction('rw', db.complaints, async () => {
    for (const change of plan.incoming) {
      const c = await db.complaints.get(change.id);
      if (!c) continue;
      const done = change.status === 'resolved' || change.status === 'closed';
      await db.complaints.put({
        ...c,
        status: change.status,
        resolvedAt: done ? (c.resolvedAt ?? now) : null,
        updatedAt: now,
        history: [
          ...c.history,
          { at: now, kind: 'status', from: c.status, to: change.status, by: 'sheet', imported: true },
        ],
      });
    }
    for (const c of plan.imported) {
      // A thread already logged here under another id keeps the local one (one complaint per thread).
      if (await db.complaints.where('threadKey').equals(c.threadKey).first()) continue;
      await db.complaints.put({ ...c, words: complaintWords(c) } satisfies Complaint);
    }
  });
  // The incoming statuses now carry `now` as their updatedAt; remember that so the next pass does not
  // mistake them for local edits.
  const pushed = { ...plan.pushed };
  for (const change of plan.incoming) pushed[change.id] = { status: change.status, updatedAt: now };
  return {
    link: { ...link, pushed },
    report: {
      appended: plan.appends.length,
      updated: plan.updates.length,
      statusesIn: plan.incoming.length,
      imported: plan.imported.length,
      problems: plan.problems,
      removed: plan.removed,
    },
  };
}
