import { useState } from 'preact/hooks';
import { useLive } from '../use-live';
import type { Provider } from '../../services/auth/tokens';
import { grantAccess } from '../../services/sync/access';
import { sendToBackground } from '../../services/messaging';
import { formatDateTime, t, type MessageKey } from '../../services/i18n';
import { SHEETS_SCOPE } from '../../services/complaint-log/google-sheets';
import { EXCEL_SCOPE } from '../../services/complaint-log/excel';
import type { SheetProblem } from '../../services/complaint-log/sheet';
import {
  addBackToSheet,
  complaintSheet,
  disableComplaintSheet,
  enableComplaintSheet,
  requestComplaintSheetSync,
  sheetRemote,
} from '../../services/complaint-log/worker';

const SERVICE: Record<Provider, MessageKey> = { google: 'sheetGoogle', microsoft: 'sheetExcel' };
const SCOPE: Record<Provider, string> = { google: SHEETS_SCOPE, microsoft: EXCEL_SCOPE };

type Note = { kind: 'ok' | 'error'; text: string };

function problemText(err: unknown): string {
  const kind = typeof err === 'string' ? err : (err as { kind?: string } | null)?.kind;
  if (kind === 'auth' || kind === 'scope') return t('teamErrAccess');
  if (kind === 'rate-limit' || kind === 'server' || kind === 'network') return t('teamErrLater');
  if (kind === 'not-found') return t('sheetErrGone');
  return t('teamErrOther', typeof err === 'string' ? err : ((err as Error | null)?.message ?? String(err)));
}

function sheetProblem(p: SheetProblem): string {
  switch (p.kind) {
    case 'unknown-header':
      return t('sheetUnknownHeader', p.detail);
    case 'missing-header':
      return p.detail === 'ID' ? t('sheetMissingIdColumn') : t('sheetMissingHeader', p.detail);
    case 'missing-id':
      return t('sheetMissingId', String(p.row ?? ''));
    case 'duplicate-id':
      return t('sheetDuplicateId', String(p.row ?? ''), p.detail);
    case 'bad-status':
      return t('sheetBadStatus', String(p.row ?? ''), p.detail);
    case 'conflict':
      return t('sheetConflict', String(p.row ?? ''), p.sheetValue ?? '');
  }
}

async function syncNow(): Promise<void> {
  await requestComplaintSheetSync();
  await sendToBackground({ type: 'outbox:kick', data: {} });
}

/** Options → Team sharing → the complaint log as a shared Google Sheet or Excel table. */
export function ComplaintSheet() {
  const state = useLive(() => complaintSheet(), []);
  const [provider, setProvider] = useState<Provider>('google');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note | null>(null);

  async function run(work: () => Promise<Note | null>) {
    setBusy(true);
    setNote(null);
    try {
      setNote(await work());
    } catch (err) {
      setNote({ kind: 'error', text: problemText(err) });
    } finally {
      setBusy(false);
    }
  }

  const create = () =>
    run(async () => {
      const access = await grantAccess(provider, [SCOPE[provider]]);
      if (!access.ok) return { kind: 'error', text: 'missing' in access ? t('teamErrAccess') : access.error };
      const made = await sheetRemote(provider).create(t('sheetTitle'));
      await enableComplaintSheet({ provider, sheetId: made.id, url: made.url });
      await syncNow();
      return { kind: 'ok', text: t('sheetCreated', t(SERVICE[provider])) };
    });

  const join = (id: string) =>
    run(async () => {
      const access = await grantAccess(provider, [SCOPE[provider]]);
      if (!access.ok) return { kind: 'error', text: 'missing' in access ? t('teamErrAccess') : access.error };
      await enableComplaintSheet({ provider, sheetId: id.trim(), url: '' });
      await syncNow();
      return { kind: 'ok', text: t('sheetJoined') };
    });

  const enabled = state?.enabled ?? false;
  return (
    <fieldset class="stack" data-testid="complaint-sheet" aria-labelledby="sheet-heading">
      <legend id="sheet-heading">{t('sheetHeading')}</legend>
      <p class="muted">{t('sheetIntro')}</p>
      <p class="muted" data-testid="sheet-scopes">
        {t('sheetScopes')}
      </p>
      {enabled && state ? (
        <>
          <p>
            {t('sheetLinked', t(SERVICE[state.provider]))} <code data-testid="sheet-id">{state.sheetId}</code>
            {state.url && (
              <>
                {' '}
                <a href={state.url} target="_blank" rel="noreferrer noopener">
                  {t('sheetOpen')}
                </a>
              </>
            )}
          </p>
          <p class="muted" data-testid="sheet-last-sync">
            {state.lastSyncAt
              ? t(
                  'teamLastSync',
                  formatDateTime(state.lastSyncAt, { dateStyle: 'medium', timeStyle: 'medium' }),
                )
              : t('teamNeverSynced')}
          </p>
          {state.lastError && (
            <p role="alert" class="notice error">
              {problemText(state.lastError)}
            </p>
          )}
          {(state.lastReport?.problems.length ?? 0) > 0 && (
            <ul class="plain" data-testid="sheet-problems">
              {state.lastReport!.problems.map((p, i) => (
                <li key={i}>{sheetProblem(p)}</li>
              ))}
            </ul>
          )}
          {(state.lastReport?.removed?.length ?? 0) > 0 && (
            <RemovedRows
              removed={state.lastReport!.removed!}
              busy={busy}
              addBack={(ids) =>
                void run(async () => {
                  await addBackToSheet(ids);
                  await syncNow();
                  return { kind: 'ok', text: t('sheetAddedBack') };
                })
              }
            />
          )}
          <p class="row">
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(async () => (await syncNow(), null))}
            >
              {t('teamSyncNow')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(async () => (await disableComplaintSheet(), { kind: 'ok', text: t('sheetStopped') }))
              }
            >
              {t('teamStop')}
            </button>
          </p>
        </>
      ) : (
        <JoinOrCreate provider={provider} setProvider={setProvider} busy={busy} create={create} join={join} />
      )}
      {note && (
        <p
          role={note.kind === 'error' ? 'alert' : 'status'}
          class={note.kind === 'error' ? 'notice error' : 'notice'}
        >
          {note.text}
        </p>
      )}
    </fieldset>
  );
}

const REMOVED_SHOWN = 20;

/** Complaints whose rows a colleague deleted in the sheet: kept here, listed, added back on request. */
function RemovedRows(props: {
  removed: { id: string; subject: string }[];
  busy: boolean;
  addBack: (ids: string[]) => void;
}) {
  const { removed } = props;
  return (
    <div class="stack" data-testid="sheet-removed">
      <p>{t('sheetRemovedIntro', removed.length)}</p>
      <ul class="plain">
        {removed.slice(0, REMOVED_SHOWN).map((r) => (
          <li key={r.id}>{r.subject || r.id}</li>
        ))}
        {removed.length > REMOVED_SHOWN && <li>{t('sheetRemovedMore', removed.length - REMOVED_SHOWN)}</li>}
      </ul>
      <p class="row">
        <button type="button" disabled={props.busy} onClick={() => props.addBack(removed.map((r) => r.id))}>
          {t('sheetAddBack')}
        </button>
      </p>
    </div>
  );
}

function JoinOrCreate(props: {
  provider: Provider;
  setProvider: (p: Provider) => void;
  busy: boolean;
  create: () => Promise<void>;
  join: (id: string) => Promise<void>;
}) {
  const [id, setId] = useState('');
  return (
    <>
      <label class="row">
        <span>{t('teamService')}</span>
        <select value={props.provider} onChange={(e) => props.setProvider(e.currentTarget.value as Provider)}>
          <option value="google">{t(SERVICE.google)}</option>
          <option value="microsoft">{t(SERVICE.microsoft)}</option>
        </select>
      </label>
      <p class="row">
        <button type="button" class="primary" disabled={props.busy} onClick={() => void props.create()}>
          {t('sheetCreate')}
        </button>
      </p>
      <p class="row">
        <label class="row">
          <span>{t('sheetIdLabel')}</span>
          <input
            type="text"
            value={id}
            onInput={(e) => setId(e.currentTarget.value)}
            data-testid="sheet-id-input"
          />
        </label>
        <button type="button" disabled={props.busy || id.trim() === ''} onClick={() => void props.join(id)}>
          {t('sheetJoin')}
        </button>
      </p>
    </>
  );
}
