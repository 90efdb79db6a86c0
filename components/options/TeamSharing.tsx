import { useEffect, useState } from 'preact/hooks';
import { useLive } from '../use-live';
import type { Provider } from '../../services/auth/tokens';
import type { TaskList } from '../../services/db/db';
import { db } from '../../services/db/db';
import { ensureDefaultLists, listName, orderedLists } from '../../services/db/lists';
import {
  allListSyncs,
  disableListSync,
  enableListSync,
  syncStatus,
  type ListSync,
} from '../../services/sync/engine';
import { TASK_SCOPES, type RemoteList } from '../../services/sync/remote';
import { grantAccess } from '../../services/sync/access';
import { requestSync, taskRemote } from '../../services/sync/worker';
import { sendToBackground } from '../../services/messaging';
import { formatDateTime, t, type MessageKey } from '../../services/i18n';
import { ComplaintSheet } from './ComplaintSheet';

const SERVICE: Record<Provider, MessageKey> = { google: 'teamGoogleTasks', microsoft: 'teamMicrosoftTodo' };
const NEW_LIST = '__new__';

type Note = { kind: 'ok' | 'error'; text: string };

function problem(err: unknown): string {
  const kind = (err as { kind?: string } | null)?.kind;
  if (kind === 'auth' || kind === 'scope') return t('teamErrAccess');
  if (kind === 'rate-limit' || kind === 'server' || kind === 'network') return t('teamErrLater');
  if (kind === 'list-gone') return t('teamErrListGone');
  return t('teamErrOther', (err as { message?: string } | null)?.message ?? String(err));
}

async function syncNow(listId: string): Promise<void> {
  await requestSync(listId);
  await sendToBackground({ type: 'outbox:kick', data: {} });
}

/** Options → Team sharing: each task list can be shared through Google Tasks or Microsoft To Do. */
export function TeamSharing() {
  // A fresh install that comes straight here has its default lists to share too.
  useEffect(() => void ensureDefaultLists(), []);
  const lists = useLive(() => orderedLists(), []);
  const syncs = useLive(() => allListSyncs(), []);
  return (
    <section class="card" id="team" aria-labelledby="team-heading">
      <h2 id="team-heading">{t('teamHeading')}</h2>
      <p class="muted">{t('teamIntro')}</p>
      <p class="muted" data-testid="team-scopes">
        {t('teamScopes')}
      </p>
      <p class="muted" data-testid="team-order">
        {t('teamOrderNote')}
      </p>
      {lists?.map((list) => (
        <ListRow key={list.id} list={list} sync={syncs?.find((s) => s.listId === list.id) ?? null} />
      ))}
      <ComplaintSheet />
    </section>
  );
}

function ListRow({ list, sync }: { list: TaskList; sync: ListSync | null }) {
  const name = listName(list);
  const [provider, setProvider] = useState<Provider>('google');
  const [remotes, setRemotes] = useState<RemoteList[] | null>(null);
  const [choice, setChoice] = useState(NEW_LIST);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  const status = useLive(() => syncStatus(list.id), [list.id, sync?.enabled, sync?.lastSyncAt]);
  const conflicts = useLive(async () => {
    const ids = (await db.tasks.where('listId').equals(list.id).primaryKeys()) as string[];
    return db.syncConflicts.where('localId').anyOf(ids).sortBy('createdAt');
  }, [list.id]);

  async function run(work: () => Promise<Note | null>) {
    setBusy(true);
    setNote(null);
    try {
      setNote(await work());
    } catch (err) {
      setNote({ kind: 'error', text: problem(err) });
    } finally {
      setBusy(false);
    }
  }

  const chooseRemote = () =>
    run(async () => {
      const access = await grantAccess(provider, [TASK_SCOPES[provider]]);
      if (!access.ok) return { kind: 'error', text: 'missing' in access ? t('teamErrAccess') : access.error };
      const found = await taskRemote(provider).lists();
      setRemotes(found);
      setChoice(found.find((r) => r.title === name)?.id ?? NEW_LIST);
      return null;
    });

  const share = () =>
    run(async () => {
      const remote = taskRemote(provider);
      const target =
        choice === NEW_LIST ? await remote.createList(name) : remotes!.find((r) => r.id === choice)!;
      await enableListSync(list.id, provider, target);
      setRemotes(null);
      await syncNow(list.id);
      return { kind: 'ok', text: t('teamShared', name, target.title) };
    });

  const enabled = sync?.enabled ?? false;
  const myConflicts = (conflicts ?? []).filter((c) => c.provider === sync?.provider);
  return (
    <fieldset class="stack" aria-label={name} data-testid="team-list">
      <legend>{name}</legend>
      {enabled && sync ? (
        <>
          <p>{t('teamSharedWith', t(SERVICE[sync.provider]), sync.remoteTitle)}</p>
          <p class="muted" data-testid="team-last-sync">
            {sync.lastSyncAt
              ? t(
                  'teamLastSync',
                  formatDateTime(sync.lastSyncAt, { dateStyle: 'medium', timeStyle: 'medium' }),
                )
              : t('teamNeverSynced')}
            {' · '}
            {t('teamPending', status?.pending ?? 0)}
            {' · '}
            {t('teamConflicts', status?.conflicts ?? 0)}
          </p>
          {sync.lastError && (
            <p role="alert" class="notice error">
              {problem(sync.lastError)}
            </p>
          )}
          {myConflicts.length > 0 && (
            <ul class="plain" data-testid="team-conflicts">
              {myConflicts.map((c) => (
                <li key={c.id}>
                  {t('teamConflict', t(`teamField_${c.field}` as MessageKey), c.local, c.remote)}{' '}
                  <button type="button" class="small" onClick={() => void db.syncConflicts.delete(c.id)}>
                    {t('teamDismiss')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p class="row">
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(async () => (await syncNow(list.id), null))}
            >
              {t('teamSyncNow')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(async () => (await disableListSync(list.id), { kind: 'ok', text: t('teamStopped') }))
              }
            >
              {t('teamStop')}
            </button>
          </p>
        </>
      ) : (
        <>
          {sync?.lastError && (
            <p role="alert" class="notice error">
              {problem(sync.lastError)}
            </p>
          )}
          <label class="row">
            <span>{t('teamService')}</span>
            <select
              value={provider}
              onChange={(e) => (setProvider(e.currentTarget.value as Provider), setRemotes(null))}
            >
              <option value="google">{t(SERVICE.google)}</option>
              <option value="microsoft">{t(SERVICE.microsoft)}</option>
            </select>
          </label>
          {remotes === null ? (
            <button type="button" disabled={busy} onClick={() => void chooseRemote()}>
              {t('teamChoose', t(SERVICE[provider]))}
            </button>
          ) : (
            <p class="row">
              <label class="row">
                <span>{t('teamRemoteList')}</span>
                <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
                  <option value={NEW_LIST}>{t('teamNewList', name)}</option>
                  {remotes.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.title}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" class="primary" disabled={busy} onClick={() => void share()}>
                {t('teamShare')}
              </button>
            </p>
          )}
        </>
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
