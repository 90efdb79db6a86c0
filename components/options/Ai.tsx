import { useEffect, useState } from 'preact/hooks';
import {
  aiSettings,
  downloadChromeModel,
  endpointAllowed,
  endpointOrigin,
  hasEndpointPermission,
  requestEndpointPermission,
  testEndpoint,
  type AiMode,
  type AiSettings,
} from '../../services/ai-settings';
import { chromeAiBackend, type AiAvailability } from '../../services/assistant/ai';
import { t, type MessageKey } from '../../services/i18n';

const AVAILABILITY: Record<AiAvailability, MessageKey> = {
  available: 'aiChromeAvailable',
  downloadable: 'aiChromeDownloadable',
  downloading: 'aiChromeDownloading',
  unavailable: 'aiChromeUnavailable',
};

/** Ollama's OpenAI-compatible API on this machine, the most common local setup. */
const EXAMPLE_URL = 'http://localhost:11434/v1';

type Note = { kind: 'ok' | 'error'; text: string };

export function Ai() {
  const [form, setForm] = useState<AiSettings | null>(null);
  const [savedMode, setSavedMode] = useState<AiMode>('off');
  const [availability, setAvailability] = useState<AiAvailability | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [testNote, setTestNote] = useState<Note | null>(null);
  const [permissionMissing, setPermissionMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void aiSettings.getValue().then(async (s) => {
      setForm(s);
      setSavedMode(s.mode);
      if (s.mode === 'endpoint') setPermissionMissing(!(await hasEndpointPermission(s.url)));
    });
    void chromeAiBackend().availability().then(setAvailability);
  }, []);

  if (!form)
    return (
      <section class="card" id="ai" aria-labelledby="ai-heading">
        <h2 id="ai-heading">{t('aiHeading')}</h2>
        <p class="muted">{t('loading')}</p>
      </section>
    );
  const set = (changes: Partial<AiSettings>) => {
    setForm({ ...form, ...changes });
    setNote(null);
  };

  /** Checks the endpoint fields; null when they are fine. */
  function endpointProblem(): string | null {
    if (!form || !endpointOrigin(form.url)) return t('aiErrUrl');
    if (!endpointAllowed(form.url)) return t('aiErrInsecure');
    if (!form.model.trim()) return t('aiErrModel');
    return null;
  }

  function save() {
    if (!form) return;
    const settings = { ...form, url: form.url.trim(), model: form.model.trim() };
    if (settings.mode !== 'endpoint') {
      void aiSettings.setValue(settings).then(() => {
        setSavedMode(settings.mode);
        setNote({ kind: 'ok', text: t('saved') });
      });
      return;
    }
    const problem = endpointProblem();
    if (problem) {
      setNote({ kind: 'error', text: problem });
      return;
    }
    // Asked before anything else is awaited: the browser grants it only inside this click.
    void requestEndpointPermission(settings.url).then(async (granted) => {
      if (!granted) {
        setNote({ kind: 'error', text: t('aiPermissionRefused', endpointOrigin(settings.url) ?? '') });
        return;
      }
      await aiSettings.setValue(settings);
      setSavedMode('endpoint');
      setPermissionMissing(false);
      setNote({ kind: 'ok', text: t('saved') });
    });
  }

  function test() {
    if (!form) return;
    const problem = endpointProblem();
    if (problem) {
      setTestNote({ kind: 'error', text: problem });
      return;
    }
    const settings = form;
    setTestNote(null);
    setBusy(true);
    void requestEndpointPermission(settings.url)
      .then(async (granted) => {
        if (!granted) {
          setTestNote({ kind: 'error', text: t('aiPermissionRefused', endpointOrigin(settings.url) ?? '') });
          return;
        }
        const result = await testEndpoint(settings);
        if (result.ok) setTestNote({ kind: 'ok', text: t('aiTestOk', result.models.length) });
        else
          setTestNote({
            kind: 'error',
            text:
              result.problem === 'status'
                ? t('aiTestStatus', result.detail)
                : result.problem === 'model-missing'
                  ? t('aiTestModelMissing', settings.model, result.detail)
                  : result.problem === 'bad-url'
                    ? t('aiErrUrl')
                    : t('aiTestUnreachable', result.detail),
          });
      })
      .finally(() => setBusy(false));
  }

  function download() {
    setProgress(0);
    setAvailability('downloading');
    downloadChromeModel(setProgress)
      .catch((e: unknown) =>
        setNote({ kind: 'error', text: t('errorGeneric', e instanceof Error ? e.message : String(e)) }),
      )
      .finally(() => {
        setProgress(null);
        void chromeAiBackend().availability().then(setAvailability);
      });
  }

  const modes: { id: AiMode; label: MessageKey }[] = [
    { id: 'off', label: 'aiModeOff' },
    { id: 'chrome', label: 'aiModeChrome' },
    { id: 'endpoint', label: 'aiModeEndpoint' },
  ];

  return (
    <section class="card" id="ai" aria-labelledby="ai-heading">
      <h2 id="ai-heading">{t('aiHeading')}</h2>
      <p class="muted">{t('aiHelp')}</p>
      <fieldset>
        <legend>{t('aiMode')}</legend>
        {modes.map((m) => (
          <label key={m.id} class="row">
            <input
              type="radio"
              name="ai-mode"
              value={m.id}
              checked={form.mode === m.id}
              onChange={() => set({ mode: m.id })}
            />
            {t(m.label)}
          </label>
        ))}
      </fieldset>

      <h3 style={{ fontSize: '13px' }}>{t('aiChromeHeading')}</h3>
      <p data-testid="chrome-availability">{availability ? t(AVAILABILITY[availability]) : t('loading')}</p>
      {availability === 'downloadable' && progress === null && (
        <button type="button" onClick={download}>
          {t('aiDownloadModel')}
        </button>
      )}
      {progress !== null && (
        <label class="row">
          <span>{t('aiDownloadProgress', Math.round(progress * 100))}</span>
          <progress max={1} value={progress} />
        </label>
      )}

      <h3 style={{ fontSize: '13px' }}>{t('aiEndpointHeading')}</h3>
      <p class="muted">{t('aiEndpointHelp')}</p>
      <label class="row">
        <span style={{ minWidth: '170px' }}>{t('aiUrl')}</span>
        <input
          type="url"
          style={{ flex: 1 }}
          placeholder={EXAMPLE_URL}
          value={form.url}
          onInput={(e) => set({ url: e.currentTarget.value })}
        />
      </label>
      <label class="row">
        <span style={{ minWidth: '170px' }}>{t('aiModel')}</span>
        <input value={form.model} onInput={(e) => set({ model: e.currentTarget.value })} />
      </label>
      <label class="row">
        <span style={{ minWidth: '170px' }}>{t('aiApiKey')}</span>
        <input
          type="password"
          autoComplete="off"
          value={form.apiKey}
          onInput={(e) => set({ apiKey: e.currentTarget.value })}
        />
      </label>
      <p class="muted">{t('aiKeyNote')}</p>
      <div class="row">
        <button type="button" disabled={busy} onClick={test}>
          {busy ? t('aiTesting') : t('aiTest')}
        </button>
        {testNote && (
          <span
            role={testNote.kind === 'error' ? 'alert' : 'status'}
            class={testNote.kind === 'error' ? 'notice error' : 'muted'}
          >
            {testNote.text}
          </span>
        )}
      </div>
      {savedMode === 'endpoint' && permissionMissing && (
        <p class="notice error" role="alert">
          {t('aiPermissionMissing')}
        </p>
      )}
      <div class="row" style={{ marginTop: '10px' }}>
        <button type="button" class="primary" onClick={save}>
          {t('aiSave')}
        </button>
        {note && (
          <span
            role={note.kind === 'error' ? 'alert' : 'status'}
            class={note.kind === 'error' ? 'notice error' : 'muted'}
          >
            {note.text}
          </span>
        )}
      </div>
    </section>
  );
}
