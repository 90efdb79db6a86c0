import { useEffect, useState } from 'preact/hooks';
import { uiLanguage, type UiLanguage } from '../../services/settings';
import { t } from '../../services/i18n';
import { Accounts } from '../../components/options/Accounts';
import { Templates } from '../../components/options/Templates';
import { Profile } from '../../components/options/Profile';
import { Staff } from '../../components/options/Staff';

export function App() {
  const [language, setLanguage] = useState<UiLanguage>('auto');
  const [saved, setSaved] = useState(false);
  useEffect(() => void uiLanguage.getValue().then(setLanguage), []);

  async function choose(value: UiLanguage) {
    setLanguage(value);
    await uiLanguage.setValue(value);
    setSaved(true);
  }

  return (
    <main style={{ maxWidth: '720px', margin: '0 auto', padding: '16px' }}>
      <h1>{t('optionsTitle')}</h1>
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
      <Staff />
      <Templates />
    </main>
  );
}
