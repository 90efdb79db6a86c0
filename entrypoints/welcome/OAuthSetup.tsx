import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { clientId, clientIdOverrides } from '../../services/auth/clients';
import type { Provider } from '../../services/auth/tokens';
import { t, type MessageKey } from '../../services/i18n';
import { checkClientId } from './client-id';

// For builds made without the publisher's OAuth client ids (self-built installs): the steps to
// register one, the exact redirect URI this install signs in with, and a format check before saving.

const STEPS: Record<Provider, { name: MessageKey; steps: MessageKey[]; bad: MessageKey }> = {
  google: {
    name: 'accountGoogle',
    steps: ['setupGoogle1', 'setupGoogle2', 'setupGoogle3', 'setupGoogle4'],
    bad: 'setupCheckBadGoogle',
  },
  microsoft: {
    name: 'accountMicrosoft',
    steps: ['setupMicrosoft1', 'setupMicrosoft2', 'setupMicrosoft3', 'setupMicrosoft4'],
    bad: 'setupCheckBadMicrosoft',
  },
};

function ProviderSetup({ provider, onSaved }: { provider: Provider; onSaved: () => void }) {
  const [value, setValue] = useState('');
  const [copied, setCopied] = useState(false);
  const [saved, setSaved] = useState(false);
  const redirect = browser.identity.getRedirectURL();
  const check = checkClientId(provider, value);
  const { name, steps, bad } = STEPS[provider];
  const hint: Record<typeof check, MessageKey | null> = {
    empty: null,
    ok: 'setupCheckOk',
    secret: 'setupCheckSecret',
    bad,
  };
  const message = hint[check];

  return (
    <section class="card" data-testid={`setup-${provider}`} aria-labelledby={`setup-${provider}-heading`}>
      <h3 id={`setup-${provider}-heading`}>{t('setupHeading', t(name))}</h3>
      <p>{t('setupIntro', t(name))}</p>
      <ol>
        {steps.map((step) => (
          <li key={step}>{t(step)}</li>
        ))}
      </ol>
      <label class="row">
        <span>{t('setupRedirect')}</span>
        <input readOnly value={redirect} style={{ flex: 1 }} data-testid={`redirect-${provider}`} />
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(redirect).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('setupCopied') : t('setupCopy')}
        </button>
      </label>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (check !== 'ok') return;
          void clientIdOverrides.getValue().then(async (ids) => {
            await clientIdOverrides.setValue({ ...ids, [provider]: value.trim() });
            setSaved(true);
            onSaved();
          });
        }}
      >
        <label class="row" style={{ flex: 1 }}>
          <span>{t('setupClientId')}</span>
          <input
            value={value}
            style={{ flex: 1 }}
            aria-invalid={check === 'bad' || check === 'secret'}
            onInput={(e) => {
              setValue(e.currentTarget.value);
              setSaved(false);
            }}
          />
        </label>
        <button type="submit" class="primary" disabled={check !== 'ok'}>
          {t('setupSave')}
        </button>
      </form>
      {message && (
        <p role="status" class={check === 'ok' ? 'muted' : 'notice error'}>
          {t(message)}
        </p>
      )}
      {saved && (
        <p role="status" class="muted">
          {t('setupSaved')}
        </p>
      )}
    </section>
  );
}

/** One setup card per provider this build has no client id for; nothing when both are there. */
export function OAuthSetup({ onSaved }: { onSaved: () => void }) {
  const [missing, setMissing] = useState<Provider[]>([]);
  useEffect(() => {
    void Promise.all(
      (['google', 'microsoft'] as const).map(async (p) => ((await clientId(p)) ? null : p)),
    ).then((list) => setMissing(list.filter((p): p is Provider => p !== null)));
  }, []);
  return (
    <>
      {missing.map((p) => (
        <ProviderSetup key={p} provider={p} onSaved={onSaved} />
      ))}
    </>
  );
}
