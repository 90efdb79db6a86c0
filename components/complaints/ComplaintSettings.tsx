import { useEffect, useState } from 'preact/hooks';
import { t } from '../../services/i18n';
import type { Severity } from '../../services/db/db';
import {
  getComplaintSettings,
  saveComplaintSettings,
  SEVERITIES,
  type ComplaintSettings as Settings,
  type SlaTarget,
} from '../../services/complaints/settings';
import { complaintErrorMessage } from '../../services/complaints/errors';
import { severityLabel } from './labels';

// Editor for the complaint settings records (categories, SLA targets), meant for the options page.
// The hours the SLA counts in come from the business profile edited beside it.

type Phase = 'firstResponse' | 'resolution';

export function ComplaintSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [categories, setCategoryText] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    void getComplaintSettings().then((s) => {
      setSettings(s);
      setCategoryText(s.categories.join('\n'));
    });
  }, []);
  if (!settings) return <p class="muted">{t('loading')}</p>;

  const { sla } = settings;
  const setTarget = (s: Severity, phase: Phase, target: SlaTarget) =>
    setSettings({ ...settings, sla: { ...sla, [s]: { ...sla[s], [phase]: target } } });

  async function save() {
    try {
      const lines = (text: string) =>
        text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
      await saveComplaintSettings({ categories: lines(categories), sla });
      setMessage({ error: false, text: t('saved') });
    } catch (err) {
      setMessage({ error: true, text: complaintErrorMessage(err) });
    }
  }

  const target = (s: Severity, phase: Phase) => {
    const value = sla[s][phase];
    const name = t(
      'settingsTargetFor',
      severityLabel(s),
      t(phase === 'firstResponse' ? 'settingsFirstResponse' : 'settingsResolution'),
    );
    return (
      <td>
        <input
          type="number"
          min="0.25"
          step="0.25"
          aria-label={name}
          value={value.value}
          onInput={(e) => setTarget(s, phase, { ...value, value: Number(e.currentTarget.value) })}
        />{' '}
        <select
          aria-label={name}
          value={value.unit}
          onChange={(e) =>
            setTarget(s, phase, { ...value, unit: e.currentTarget.value as SlaTarget['unit'] })
          }
        >
          <option value="hours">{t('settingsUnitHours')}</option>
          <option value="days">{t('settingsUnitDays')}</option>
        </select>
      </td>
    );
  };

  return (
    <section data-testid="complaint-settings">
      <h2>{t('complaintSettingsHeading')}</h2>
      <label class="field">
        {t('settingsCategories')}
        <textarea rows={6} value={categories} onInput={(e) => setCategoryText(e.currentTarget.value)} />
      </label>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t('fieldSeverity')}</th>
            <th scope="col">{t('settingsFirstResponse')}</th>
            <th scope="col">{t('settingsResolution')}</th>
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((s) => (
            <tr key={s}>
              <th scope="row">{severityLabel(s)}</th>
              {target(s, 'firstResponse')}
              {target(s, 'resolution')}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="primary" onClick={() => void save()}>
        {t('saveChanges')}
      </button>
      {message && (
        <p role="status" class={message.error ? 'notice error' : 'muted'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
