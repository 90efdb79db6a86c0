import { useEffect, useState } from 'preact/hooks';
import { uiLanguage, type UiLanguage } from '../../services/settings';
import { t, type MessageKey } from '../../services/i18n';
import { Accounts } from '../../components/options/Accounts';
import { Profile } from '../../components/options/Profile';
import { Staff } from '../../components/options/Staff';
import { OwnAddresses } from '../../components/options/OwnAddresses';
import { Templates } from '../../components/options/Templates';
import { Ai } from '../../components/options/Ai';
import { Backup } from '../../components/options/Backup';
import { TeamSharing } from '../../components/options/TeamSharing';
import { ComplaintSettings } from '../../components/complaints/ComplaintSettings';

const SECTIONS: { id: string; label: MessageKey }[] = [
  { id: 'accounts', label: 'accountsHeading' },
  { id: 'profile', label: 'profileHeading' },
  { id: 'staff', label: 'staffHeading' },
  { id: 'templates', label: 'tplHeading' },
  { id: 'ai', label: 'aiHeading' },
  { id: 'complaints', label: 'complaintSettingsHeading' },
  { id: 'team', label: 'teamHeading' },
  { id: 'backup', label: 'backupHeading' },
];

export function App() {
  const [language, setLanguage] = useState<UiLanguage>('auto');
  const [saved, setSaved] = useState(false);
  useEffect(() => void uiLanguage.getValue().then(setLanguage), []);
  useEffect(() => {
    // Links like options.html#templates: the sections fill in from storage after the browser's own
    // fragment scroll, so scroll again once they have (roughly) their final height.
    const target = () => (location.hash ? document.getElementById(location.hash.slice(1)) : null);
    target()?.scrollIntoView();
    const timer = setTimeout(() => target()?.scrollIntoView(), 300);
    return () => clearTimeout(timer);
  }, []);

  async function choose(value: UiLanguage) {
    setLanguage(value);
    await uiLanguage.setValue(value);
    setSaved(true);
  }

  return (
    <main style={{ maxWidth: '760px', margin: '0 auto', padding: '16px' }}>
      <h1>{t('optionsTitle')}</h1>
      <nav class="row" aria-label={t('optionsSections')}>
        {SECTIONS.map((s) => (
          <a key={s.id} href={`#${s.id}`}>
            {t(s.label)}
          </a>
        ))}
      </nav>
      <section class="card">
        <label class="row">
          <span>{t('languageSetting')}</span>
          <select value={language} onChange={(e) => void choose(e.currentTarget.value as UiLanguage)}>
            <option value="auto">{t('languageAuto')}</option>
            <option value="en">{t('languageEn')}</option>
            <option value="es">{t('languageEs')}</option>
          </select>
        </label>
        {saved && (
          <p role="status" class="muted">
            {t('saved')}
          </p>
        )}
      </section>
      <Accounts />
      <Profile />
      <OwnAddresses />
      <Staff />
      <Templates />
      <Ai />
      <div id="complaints" class="card">
        <ComplaintSettings />
      </div>
      <TeamSharing />
      <Backup />
    </main>
  );
}
