import { useState } from 'preact/hooks';
import { useLive } from '../use-live';
import type { Contact } from '../../services/db/db';
import {
  deleteStaff,
  importStaffCsv,
  listStaff,
  saveStaff,
  StaffError,
  type StaffImport,
  type StaffInput,
  type StaffProblem,
} from '../../services/db/contacts';
import { t, type MessageKey } from '../../services/i18n';

const PROBLEM: Record<StaffProblem, MessageKey> = {
  'missing-name': 'staffErrName',
  'bad-email': 'staffErrEmail',
  duplicate: 'staffErrDuplicate',
  'bad-provider': 'staffErrProvider',
};

const EMPTY: StaffInput = { name: '', email: '', role: '', provider: null, calendarId: null };

function providerLabel(p: Contact['provider']): string {
  return p === 'google' ? t('accountGoogle') : p === 'microsoft' ? t('accountMicrosoft') : '';
}

export function Staff() {
  const staff = useLive(listStaff, []);
  const [editing, setEditing] = useState<{ id?: string; value: StaffInput } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [imported, setImported] = useState<StaffImport | null>(null);
  const [importError, setImportError] = useState<string | null>(null);

  async function save(e: Event) {
    e.preventDefault();
    if (!editing) return;
    setFormError(null);
    try {
      await saveStaff(editing.value, editing.id);
      setEditing(null);
    } catch (err) {
      setFormError(
        err instanceof StaffError
          ? t(PROBLEM[err.code], err.value)
          : t('errorGeneric', err instanceof Error ? err.message : String(err)),
      );
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setImported(null);
    setImportError(null);
    try {
      setImported(await importStaffCsv(await file.text()));
    } catch (err) {
      const code = err instanceof Error ? err.message : String(err);
      setImportError(code === 'no-header' ? t('staffCsvNoHeader') : t('errorGeneric', code));
    }
  }

  const set = (changes: Partial<StaffInput>) =>
    editing && setEditing({ ...editing, value: { ...editing.value, ...changes } });

  return (
    <section class="card" id="staff" aria-labelledby="staff-heading">
      <h2 id="staff-heading">{t('staffHeading')}</h2>
      <p class="muted">{t('staffHelp')}</p>
      {staff && staff.length === 0 && <p class="muted">{t('staffNone')}</p>}
      <ul class="plain">
        {(staff ?? []).map((s) => (
          <li key={s.id} class="row" data-testid="staff-item">
            <span style={{ flex: 1 }}>
              <strong>{s.name}</strong> · {s.email}
              {s.role && <> · {s.role}</>}
              {s.provider && <> · {providerLabel(s.provider)}</>}
              {s.calendarId && s.calendarId !== s.email && (
                <span class="muted"> · {t('staffCalendarShort', s.calendarId)}</span>
              )}
            </span>
            {confirming === s.id ? (
              <>
                <span>{t('staffConfirmDelete', s.name)}</span>
                <button
                  type="button"
                  class="primary"
                  onClick={() => void deleteStaff(s.id).then(() => setConfirming(null))}
                >
                  {t('tplDeleteYes')}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  {t('optCancel')}
                </button>
              </>
            ) : (
              <>
                <button
                  type="button"
                  aria-label={t('tplEditNamed', s.name)}
                  onClick={() => {
                    setFormError(null);
                    setEditing({
                      id: s.id,
                      value: {
                        name: s.name,
                        email: s.email,
                        role: s.role,
                        provider: s.provider,
                        calendarId: s.calendarId === s.email ? null : s.calendarId,
                      },
                    });
                  }}
                >
                  {t('optEdit')}
                </button>
                <button
                  type="button"
                  aria-label={t('tplDeleteNamed', s.name)}
                  onClick={() => setConfirming(s.id)}
                >
                  {t('optDelete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>

      {editing ? (
        <form class="card" aria-label={t('staffForm')} onSubmit={(e) => void save(e)} noValidate>
          <label class="row">
            <span style={{ minWidth: '140px' }}>{t('staffName')}</span>
            <input value={editing.value.name} onInput={(e) => set({ name: e.currentTarget.value })} />
          </label>
          <label class="row">
            <span style={{ minWidth: '140px' }}>{t('staffEmail')}</span>
            <input
              type="email"
              value={editing.value.email}
              onInput={(e) => set({ email: e.currentTarget.value })}
            />
          </label>
          <label class="row">
            <span style={{ minWidth: '140px' }}>{t('staffRole')}</span>
            <input value={editing.value.role} onInput={(e) => set({ role: e.currentTarget.value })} />
          </label>
          <label class="row">
            <span style={{ minWidth: '140px' }}>{t('profileProvider')}</span>
            <select
              value={editing.value.provider ?? ''}
              onChange={(e) => set({ provider: (e.currentTarget.value || null) as StaffInput['provider'] })}
            >
              <option value="">{t('staffSameProvider')}</option>
              <option value="google">{t('accountGoogle')}</option>
              <option value="microsoft">{t('accountMicrosoft')}</option>
            </select>
          </label>
          <label class="row">
            <span style={{ minWidth: '140px' }}>{t('profileCalendarId')}</span>
            <input
              value={editing.value.calendarId ?? ''}
              placeholder={editing.value.email || t('staffCalendarDefault')}
              onInput={(e) => set({ calendarId: e.currentTarget.value || null })}
            />
          </label>
          {formError && (
            <p class="notice error" role="alert">
              {formError}
            </p>
          )}
          <div class="row">
            <button type="submit" class="primary">
              {t('optSave')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('optCancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="row" style={{ marginTop: '8px' }}>
          <button
            type="button"
            class="primary"
            onClick={() => {
              setFormError(null);
              setEditing({ value: { ...EMPTY } });
            }}
          >
            {t('staffAdd')}
          </button>
          <label class="row">
            <span>{t('staffImportCsv')}</span>
            <input type="file" accept=".csv,text/csv" onChange={(e) => void importFile(e.currentTarget)} />
          </label>
        </div>
      )}
      <p class="muted">{t('staffCsvHelp')}</p>
      {importError && (
        <p class="notice error" role="alert">
          {importError}
        </p>
      )}
      {imported && (
        <div role="status" data-testid="staff-import-result">
          <p>{t('staffImported', imported.added, imported.updated)}</p>
          {imported.errors.length > 0 && (
            <>
              <p class="notice error">{t('staffImportRowsSkipped', imported.errors.length)}</p>
              <ul>
                {imported.errors.map((e) => (
                  <li key={e.line}>{t('staffCsvRowError', e.line, t(PROBLEM[e.code], e.value))}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
