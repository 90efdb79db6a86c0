import { useEffect, useState } from 'preact/hooks';
import { uiLanguage, type UiLanguage } from '../../services/settings';
import { SANDBOX } from '../../services/config';
import { t } from '../../services/i18n';
import { Accounts } from '../../components/options/Accounts';
import { OAuthSetup } from './OAuthSetup';

// The sandbox build's demo mail site (the same origin the sandbox build talks to).
const DEMO_INBOX = SANDBOX
  ? `${String(import.meta.env.WXT_SANDBOX_ORIGIN ?? 'http://127.0.0.1:8787')}/gmail/mail/u/0/#inbox`
  : '';

/** Opened once, on install: language, business, calendars — and in the sandbox, a demo thread. */
export function App() {
  const [language, setLanguage] = useState<UiLanguage>('auto');
  // Accounts reads the client ids when it mounts: a new key after saving one makes it read again.
  const [idsVersion, setIdsVersion] = useState(0);
  useEffect(() => void uiLanguage.getValue().then(setLanguage), []);

  async function choose(value: UiLanguage) {
    setLanguage(value);
    await uiLanguage.setValue(value);
  }

  return (
    <main style={{ maxWidth: '760px', margin: '0 auto', padding: '16px' }} data-testid="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <section class="card" aria-labelledby="welcome-language">
        <h2 id="welcome-language">{t('welcomeStepLanguage')}</h2>
        <label class="row">
          <span>{t('languageSetting')}</span>
          <select value={language} onChange={(e) => void choose(e.currentTarget.value as UiLanguage)}>
            <option value="auto">{t('languageAuto')}</option>
            <option value="en">{t('languageEn')}</option>
            <option value="es">{t('languageEs')}</option>
          </select>
        </label>
      </section>
      <section class="card" aria-labelledby="welcome-profile">
        <h2 id="welcome-profile">{t('welcomeStepProfile')}</h2>
        <p>{t('welcomeProfileHelp')}</p>
        <a href="/options.html#profile" target="_blank" rel="noopener">
          {t('welcomeProfileLink')}
        </a>
      </section>
      <section aria-labelledby="welcome-calendars">
        <h2 id="welcome-calendars">{t('welcomeStepCalendars')}</h2>
        {!SANDBOX && <OAuthSetup onSaved={() => setIdsVersion((n) => n + 1)} />}
        <Accounts key={idsVersion} />
      </section>
      {SANDBOX && (
        <section class="card" aria-labelledby="welcome-demo" data-testid="welcome-demo">
          <h2 id="welcome-demo">{t('welcomeDemoHeading')}</h2>
          <p>{t('welcomeDemoHelp')}</p>
          <a href={DEMO_INBOX} target="_blank" rel="noopener">
            {t('welcomeDemoLink')}
          </a>
        </section>
      )}
    </main>
  );
}
