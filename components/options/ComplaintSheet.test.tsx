import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ComplaintSheet } from './ComplaintSheet';
import { db } from '../../services/db/db';
import { setLocale } from '../../services/i18n';
import { complaintSheet, enableComplaintSheet } from '../../services/complaint-log/worker';

// Options → the shared complaint log: complaints whose rows a colleague deleted in the sheet are
// listed (their subjects, mail text, shown as text) and "Add them back to the sheet" forgets that
// they were written, so the next pass appends them; nothing local is touched.
beforeEach(async () => {
  cleanup();
  fakeBrowser.reset();
  setLocale('en');
  await db.delete();
  await db.open();
});

async function linkedWithRemoved(): Promise<void> {
  const state = await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
  await db.syncMeta.put({
    key: 'complaint-sheet',
    value: {
      ...state,
      pushed: {
        c1: { status: 'new', updatedAt: 1 },
        c2: { status: 'new', updatedAt: 1 },
        c3: { status: 'new', updatedAt: 1 },
      },
      lastSyncAt: Date.now(),
      lastReport: {
        appended: 0,
        updated: 0,
        statusesIn: 0,
        imported: 0,
        problems: [],
        removed: [
          { id: 'c2', subject: 'Caja rota <b>urgente</b>' },
          { id: 'c3', subject: 'Pedido 7781 sin llegar' },
        ],
      },
    },
    updatedAt: Date.now(),
  });
}

describe('Options: rows deleted in the shared complaint sheet', () => {
  it('lists them as text and adds them back on request', async () => {
    await linkedWithRemoved();
    render(<ComplaintSheet />);
    const box = await screen.findByTestId('sheet-removed');
    expect(box.textContent).toContain('Rows deleted in the shared sheet: 2.');
    expect(box.textContent).toContain('Caja rota <b>urgente</b>');
    expect(box.querySelector('b')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add them back to the sheet' }));
    await waitFor(() => expect(screen.queryByTestId('sheet-removed')).toBeNull());
    const state = (await complaintSheet())!;
    expect(Object.keys(state.pushed)).toEqual(['c1']);
    expect(state.lastReport?.removed).toEqual([]);
    // A pass is queued to append them.
    expect((await db.outbox.toArray()).map((i) => i.kind)).toContain('complaint-sheet');
  });

  it('shows nothing of the kind when no row was deleted', async () => {
    await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    render(<ComplaintSheet />);
    await screen.findByTestId('sheet-id');
    expect(screen.queryByTestId('sheet-removed')).toBeNull();
  });
});

describe('Options: a sheet whose ID header was deleted', () => {
  it('says that nothing is written until the header is back', async () => {
    const state = await enableComplaintSheet({ provider: 'google', sheetId: 's1', url: '' });
    await db.syncMeta.put({
      key: 'complaint-sheet',
      value: {
        ...state,
        lastSyncAt: Date.now(),
        lastReport: {
          appended: 0,
          updated: 0,
          statusesIn: 0,
          imported: 0,
          problems: [{ kind: 'missing-header', detail: 'ID' }],
          removed: [],
        },
      },
      updatedAt: Date.now(),
    });
    render(<ComplaintSheet />);
    expect((await screen.findByTestId('sheet-problems')).textContent).toContain(
      'nothing is added to or rewritten in the sheet until the header is put back',
    );
  });
});
