import { useEffect, useState } from 'preact/hooks';
import { useLive } from '../use-live';
import type { Provider } from '../../services/auth/tokens';
import {
  backupNow,
  backupSettings,
  hasBackupKey,
  restoreBackup,
  saveBackupSettings,
  setPassphrase,
  type Schedule,
} from '../../services/backup/backup';
import { BACKUP_SCOPES } from '../../services/backup/cloud';
import { MIN_PASSPHRASE } from '../../services/backup/crypto';
import { grantAccess, hasAccess } from '../../services/sync/access';
import { formatDateTime, formatNumber, t, type MessageKey } from '../../services/i18n';

const CLOUD: Record<Provider, MessageKey> = { google: 'backupGoogleDrive', microsoft: 'backupOneDrive' };
const SCOPE_NOTE: Record<Provider, MessageKey> = {
  google: 'backupScopeGoogle',
  microsoft: 'backupScopeMicrosoft',
};
const SCHEDULES: { id: Schedule; label: MessageKey }[] = [
  { id: 'daily', label: 'backupDaily' },
  { id: 'weekly', label: 'backupWeekly' },
  { id: 'off', label: 'backupOff' },
];

type Note = { kind: 'ok' | 'error'; text: string };

/** What went wrong, in the user's words, from an error's kind. */
function problem(err: unknown): string {
  const kind = (err as { kind?: string } | null)?.kind;
  const detail = (err as { message?: string } | null)?.message ?? String(err);
  if (kind === 'passphrase') return t('backupErrPassphrase');
  if (kind === 'auth' || kind === 'scope') return t('backupErrAccess');
  if (kind === 'empty') return t('backupErrEmpty');
  if (kind === 'format') return t('backupErrFormat');
  if (kind === 'rate-limit' || kind === 'server' || kind === 'network') return t('backupErrLater');
  return t('backupErrOther', detail);
}

export function Backup() {
  const settings = useLive(() => backupSettings(), []);
  const keySet = useLive(() => hasBackupKey(), []);
  const [provider, setProvider] = useState<Provider>('google');
  const [access, setAccess] = useState(false);
  const [pass, setPass] = useState({ first: '', again: '' });
  const [restorePass, setRestorePass] = useState('');
  const [confirmRestore, setConfirmRestore] = useState(false);
  const [busy, setBusy] = useState<null | 'access' | 'key' | 'backup' | 'restore'>(null);
  const [note, setNote] = useState<Note | null>(null);

  useEffect(() => {
    if (settings?.provider) setProvider(settings.provider);
  }, [settings?.provider]);
  useEffect(() => {
    void hasAccess(provider, [BACKUP_SCOPES[provider]]).then(setAccess);
  }, [provider, busy]);

  async function run(step: NonNullable<typeof busy>, work: () => Promise<Note | null>) {
    setBusy(step);
    setNote(null);
    try {
      setNote(await work());
    } catch (err) {
      setNote({ kind: 'error', text: problem(err) });
    } finally {
      setBusy(null);
    }
  }

  const allow = () =>
    run('access', async () => {
      const outcome = await grantAccess(provider, [BACKUP_SCOPES[provider]]);
      if (outcome.ok) {
        await saveBackupSettings({ provider });
        return { kind: 'ok', text: t('backupAccessGranted', t(CLOUD[provider])) };
      }
      return {
        kind: 'error',
        text: 'missing' in outcome ? t('backupErrAccess') : t('backupErrOther', outcome.error),
      };
    });

  const saveKey = (e: Event) => {
    e.preventDefault();
    void run('key', async () => {
      if (pass.first.length < MIN_PASSPHRASE)
        return { kind: 'error', text: t('backupPassShort', MIN_PASSPHRASE) };
      if (pass.first !== pass.again) return { kind: 'error', text: t('backupPassMismatch') };
      await setPassphrase(pass.first);
      setPass({ first: '', again: '' });
      return { kind: 'ok', text: t('backupPassSaved') };
    });
  };

  const backUp = () =>
    run('backup', async () => {
      await saveBackupSettings({ provider });
      const result = await backupNow();
      return { kind: 'ok', text: t('backupDone', formatNumber(result.records)) };
    });

  const restore = (e: Event) => {
    e.preventDefault();
    if (!confirmRestore) return setConfirmRestore(true);
    void run('restore', async () => {
      setConfirmRestore(false);
      const result = await restoreBackup(provider, restorePass);
      setRestorePass('');
      const records = Object.values(result.tables).reduce((a, b) => a + b, 0);
      return {
        kind: 'ok',
        text: t('backupRestored', formatNumber(records), when(Date.parse(result.file.createdAt))),
      };
    });
  };

  const last = settings?.last;
  return (
    <section class="card" id="backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p class="muted">{t('backupIntro')}</p>

      <label class="row">
        <span>{t('backupWhere')}</span>
        <select value={provider} onChange={(e) => setProvider(e.currentTarget.value as Provider)}>
          <option value="google">{t(CLOUD.google)}</option>
          <option value="microsoft">{t(CLOUD.microsoft)}</option>
        </select>
      </label>
      <p class="muted" data-testid="backup-scope">
        {t(SCOPE_NOTE[provider])}
      </p>
      <p class="row">
        <span class="muted" style={{ flex: 1 }}>
          {access ? t('backupAccessOn', t(CLOUD[provider])) : t('backupAccessOff')}
        </span>
        <button type="button" disabled={busy !== null} onClick={() => void allow()}>
          {busy === 'access' ? t('connecting') : t('backupAllow', t(CLOUD[provider]))}
        </button>
      </p>

      <form onSubmit={saveKey}>
        <p class="muted">{keySet ? t('backupPassIsSet') : t('backupPassExplain')}</p>
        <label class="row">
          <span>{t('backupPassphrase')}</span>
          <input
            type="password"
            autocomplete="new-password"
            value={pass.first}
            onInput={(e) => setPass({ ...pass, first: e.currentTarget.value })}
          />
        </label>
        <label class="row">
          <span>{t('backupPassAgain')}</span>
          <input
            type="password"
            autocomplete="new-password"
            value={pass.again}
            onInput={(e) => setPass({ ...pass, again: e.currentTarget.value })}
          />
        </label>
        <button type="submit" disabled={busy !== null}>
          {keySet ? t('backupPassChange') : t('backupPassSet')}
        </button>
      </form>

      <label class="row">
        <span>{t('backupSchedule')}</span>
        <select
          value={settings?.schedule ?? 'daily'}
          onChange={(e) => void saveBackupSettings({ schedule: e.currentTarget.value as Schedule })}
        >
          {SCHEDULES.map((s) => (
            <option key={s.id} value={s.id}>
              {t(s.label)}
            </option>
          ))}
        </select>
      </label>

      <p class="row">
        <span style={{ flex: 1 }} data-testid="backup-last">
          {last?.file
            ? t('backupLast', when(last.at), t(CLOUD[settings?.provider ?? provider]))
            : t('backupNever')}
          {last && !last.ok && last.error ? ` — ${t('backupLastFailed', problem(last.error))}` : ''}
        </span>
        <button
          type="button"
          class="primary"
          disabled={busy !== null || !keySet}
          onClick={() => void backUp()}
        >
          {busy === 'backup' ? t('backupRunning') : t('backupNow')}
        </button>
      </p>

      <form onSubmit={restore}>
        <h3>{t('backupRestoreHeading')}</h3>
        <p class="muted">{t('backupRestoreExplain')}</p>
        <label class="row">
          <span>{t('backupRestorePass')}</span>
          <input
            type="password"
            autocomplete="current-password"
            value={restorePass}
            onInput={(e) => setRestorePass(e.currentTarget.value)}
          />
        </label>
        {confirmRestore && (
          <p role="alert" class="notice">
            {t('backupRestoreConfirm')}
          </p>
        )}
        <button type="submit" disabled={busy !== null || restorePass === ''}>
          {busy === 'restore'
            ? t('backupRestoring')
            : confirmRestore
              ? t('backupRestoreReplace')
              : t('backupRestore', t(CLOUD[provider]))}
        </button>
      </form>

      {note && (
        <p
          role={note.kind === 'error' ? 'alert' : 'status'}
          class={note.kind === 'error' ? 'notice error' : 'notice'}
        >
          {note.text}
        </p>
      )}
    </section>
  );
}

function when(at: number): string {
  return formatDateTime(at, { dateStyle: 'medium', timeStyle: 'short' });
}
