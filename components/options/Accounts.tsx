import { useEffect, useState } from 'preact/hooks';
import { connected, reconnectNeeded, type Provider } from '../../services/auth/tokens';
import { clientIdOverrides } from '../../services/auth/clients';
import { sendToBackground } from '../../services/messaging';
import { SANDBOX } from '../../services/config';
import { formatDateTime, t, type MessageKey } from '../../services/i18n';

const PROVIDERS: { id: Provider; label: MessageKey; clientLabel: MessageKey }[] = [
  { id: 'google', label: 'accountGoogle', clientLabel: 'clientIdGoogle' },
  { id: 'microsoft', label: 'accountMicrosoft', clientLabel: 'clientIdMicrosoft' },
];

type Connected = Awaited<ReturnType<typeof connected.getValue>>;

export function Accounts() {
  const [state, setState] = useState<Connected | null>(null);
  const [stale, setStale] = useState<Awaited<ReturnType<typeof reconnectNeeded.getValue>> | null>(null);
  const [ids, setIds] = useState({ google: '', microsoft: '' });
  const [busy, setBusy] = useState<Provider | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void connected.getValue().then(setState);
    void clientIdOverrides.getValue().then(setIds);
    void reconnectNeeded.getValue().then(setStale);
    const unwatch = reconnectNeeded.watch((value) => setStale(value));
    const unwatchConnected = connected.watch((value) => setState(value));
    return () => {
      unwatch();
      unwatchConnected();
    };
  }, []);

  async function connectProvider(provider: Provider) {
    setBusy(provider);
    setError(null);
    await clientIdOverrides.setValue(ids);
    const answer = await sendToBackground({ type: 'auth:connect', data: { provider } });
    if (!answer.ok) setError(t('connectFailed', answer.error));
    else if (answer.missing.length > 0) setError(t('scopesMissing', answer.missing.join(', ')));
    setBusy(null);
  }

  return (
    <section class="card" id="accounts" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('accountsHeading')}</h2>
      {SANDBOX && <p class="notice">{t('sandboxAccountsNote')}</p>}
      {PROVIDERS.map((p) => {
        const account = state?.[p.id];
        return (
          <div key={p.id} class="row" style={{ margin: '8px 0' }} data-testid={`account-${p.id}`}>
            <strong style={{ minWidth: '180px' }}>{t(p.label)}</strong>
            <span class="muted" style={{ flex: 1 }}>
              {state === null
                ? t('loading')
                : account
                  ? account.account
                    ? t('connectedAs', account.account, formatDateTime(account.at, { dateStyle: 'medium' }))
                    : t('connectedSince', formatDateTime(account.at, { dateStyle: 'medium' }))
                  : t('notConnected')}
            </span>
            {account && stale?.[p.id] && (
              <span role="status" class="notice error" data-testid={`account-${p.id}-reconnect`}>
                {t('accountReconnectNeeded', t(p.label), stale[p.id]?.reason ?? '—')}
              </span>
            )}
            {account && stale?.[p.id] && (
              <button
                type="button"
                class="primary"
                disabled={busy !== null}
                onClick={() => void connectProvider(p.id)}
              >
                {busy === p.id ? t('connecting') : t('reconnect')}
              </button>
            )}
            {/* Until the stored state is read, neither button: a "Connect" shown for a moment beside
                an account already connected would be clicked (an e2e run did exactly that). */}
            {state === null ? null : account ? (
              <button
                type="button"
                onClick={() => void sendToBackground({ type: 'auth:disconnect', data: { provider: p.id } })}
              >
                {t('disconnect')}
              </button>
            ) : (
              <button
                type="button"
                class="primary"
                disabled={busy !== null}
                onClick={() => void connectProvider(p.id)}
              >
                {busy === p.id ? t('connecting') : t('connect', t(p.label))}
              </button>
            )}
          </div>
        );
      })}
      {error && (
        <p role="alert" class="notice error">
          {error}
        </p>
      )}
      {!SANDBOX && (
        <details>
          <summary>{t('clientIdsHeading')}</summary>
          <p class="muted">{t('clientIdsHelp')}</p>
          {PROVIDERS.map((p) => (
            <label key={p.id} class="row">
              <span style={{ minWidth: '240px' }}>{t(p.clientLabel)}</span>
              <input
                value={ids[p.id]}
                style={{ flex: 1 }}
                onInput={(e) => setIds({ ...ids, [p.id]: e.currentTarget.value })}
                onBlur={() => void clientIdOverrides.setValue(ids)}
              />
            </label>
          ))}
        </details>
      )}
    </section>
  );
}
