import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLive } from '../use-live';
import { db, type TemplateRecord } from '../../services/db/db';
import {
  allTemplates,
  deleteTemplate,
  duplicateTemplate,
  ensureSeedTemplates,
  exportTemplates,
  importTemplates,
  saveTemplate,
  unknownVariables,
} from '../../services/db/templates';
import { seedTemplates } from '../../services/assistant/seed-templates';
import {
  renderTemplate,
  TEMPLATE_VARIABLES,
  type Commitment,
  type TemplateValues,
  type TemplateVariable,
} from '../../services/assistant/templates';
import { INTENTS, type DraftLanguage, type Intent } from '../../services/assistant/types';
import { locale, t, type MessageKey } from '../../services/i18n';
import { intentLabel } from '../sidepanel/AnalysisCard';

const LANGUAGES: DraftLanguage[] = ['es', 'en'];
const COMMITMENTS: { id: Commitment; label: MessageKey }[] = [
  { id: 'refund', label: 'tplCommitRefund' },
  { id: 'compensation', label: 'tplCommitCompensation' },
  { id: 'replacement', label: 'tplCommitReplacement' },
];
const VARIABLE_HELP: Record<TemplateVariable, MessageKey> = {
  'customer.firstName': 'tplVarFirstName',
  'customer.name': 'tplVarCustomerName',
  'order.ref': 'tplVarOrder',
  'invoice.ref': 'tplVarInvoice',
  'ticket.ref': 'tplVarTicket',
  'business.name': 'tplVarBusiness',
  'manager.name': 'tplVarManager',
  slots: 'tplVarSlots',
  signature: 'tplVarSignature',
  amount: 'tplVarAmount',
  date: 'tplVarDate',
  answer: 'tplVarAnswer',
};

// Sample values in the template's own language (not the UI's): the preview shows the reply as a
// customer would read it.
const SAMPLES: Record<DraftLanguage, TemplateValues> = {
  es: {
    'customer.firstName': 'Lucía',
    'customer.name': 'Lucía Fernández',
    'order.ref': 'PED-10482',
    'invoice.ref': 'FAC-2291',
    'ticket.ref': 'INC-731',
    'business.name': 'Tienda Sol',
    'manager.name': 'Marta Gil',
    slots: '- martes 14 de abril, 10:00\n- miércoles 15 de abril, 16:30',
    signature: 'Marta Gil\nTienda Sol',
    amount: '49,90 €',
    date: 'martes, 14 de abril de 2026',
    answer: 'El envío tarda entre 2 y 3 días laborables.',
  },
  en: {
    'customer.firstName': 'Lucy',
    'customer.name': 'Lucy Fernández',
    'order.ref': 'ORD-10482',
    'invoice.ref': 'INV-2291',
    'ticket.ref': 'TCK-731',
    'business.name': 'Sun Shop',
    'manager.name': 'Martha Gil',
    slots: '- Tuesday 14 April, 10:00\n- Wednesday 15 April, 16:30',
    signature: 'Martha Gil\nSun Shop',
    amount: '€49.90',
    date: 'Tuesday, 14 April 2026',
    answer: 'Delivery takes 2 to 3 working days.',
  },
};

/** Puts back the built-in templates that are missing (deleted), leaving every other template as is. */
export async function restoreBuiltInTemplates(): Promise<number> {
  return db.transaction('rw', db.templates, async () => {
    const have = new Set(await db.templates.toCollection().primaryKeys());
    const missing = seedTemplates().filter((s) => !have.has(s.id));
    await db.templates.bulkAdd(missing);
    return missing.length;
  });
}

type Message = { kind: 'ok' | 'error'; text: string };

function newTemplate(language: DraftLanguage, intent: Intent): TemplateRecord {
  return {
    id: crypto.randomUUID(),
    name: '',
    language,
    intent,
    tone: 'formal',
    body: '',
    updatedAt: Date.now(),
    builtIn: false,
    commitments: [],
  };
}

function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function matches(tpl: TemplateRecord, words: string): boolean {
  if (!words) return true;
  const hay = `${tpl.name}\n${tpl.body}`.toLowerCase();
  return words
    .toLowerCase()
    .split(/\s+/)
    .every((w) => hay.includes(w));
}

export function Templates() {
  const templates = useLive(allTemplates, []);
  const [language, setLanguage] = useState<DraftLanguage | 'all'>('all');
  const [intent, setIntent] = useState<Intent | 'all'>('all');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ value: TemplateRecord; isNew: boolean } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  useEffect(() => void ensureSeedTemplates(), []);

  const groups = useMemo(() => {
    const shown = (templates ?? [])
      .filter((x) => language === 'all' || x.language === language)
      .filter((x) => intent === 'all' || x.intent === intent)
      .filter((x) => matches(x, search.trim()));
    const out: { key: string; intent: Intent; language: DraftLanguage; items: TemplateRecord[] }[] = [];
    for (const i of INTENTS)
      for (const l of LANGUAGES) {
        const items = shown
          .filter((x) => x.intent === i && x.language === l)
          .sort((a, b) => a.name.localeCompare(b.name));
        if (items.length) out.push({ key: `${i}:${l}`, intent: i, language: l, items });
      }
    return out;
  }, [templates, language, intent, search]);

  async function run(action: () => Promise<string>) {
    setMessage(null);
    try {
      setMessage({ kind: 'ok', text: await action() });
    } catch (e) {
      setMessage({ kind: 'error', text: t('errorGeneric', e instanceof Error ? e.message : String(e)) });
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMessage(null);
    try {
      const { added, updated } = await importTemplates(await file.text());
      setMessage({ kind: 'ok', text: t('tplImported', added, updated) });
    } catch (e) {
      const code = e instanceof Error ? e.message : '';
      const text =
        code === 'not-json'
          ? t('tplImportNotJson')
          : code === 'not-ours'
            ? t('tplImportNotOurs')
            : t('errorGeneric', code);
      setMessage({ kind: 'error', text });
    }
  }

  const startNew = () =>
    setEditing({
      value: newTemplate(
        language === 'all' ? (locale.value === 'es' ? 'es' : 'en') : language,
        intent === 'all' ? 'question' : intent,
      ),
      isNew: true,
    });

  return (
    <section class="card" id="templates" aria-labelledby="templates-heading">
      <h2 id="templates-heading">{t('tplHeading')}</h2>
      <p class="muted">{t('tplHelp')}</p>
      <div class="row">
        <input
          type="search"
          aria-label={t('filterSearch')}
          placeholder={t('filterSearch')}
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
        <select
          aria-label={t('tplLanguage')}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as DraftLanguage | 'all')}
        >
          <option value="all">{t('tplAllLanguages')}</option>
          <option value="es">{t('languageEs')}</option>
          <option value="en">{t('languageEn')}</option>
        </select>
        <select
          aria-label={t('tplIntent')}
          value={intent}
          onChange={(e) => setIntent(e.currentTarget.value as Intent | 'all')}
        >
          <option value="all">{t('tplAllIntents')}</option>
          {INTENTS.map((i) => (
            <option key={i} value={i}>
              {intentLabel(i)}
            </option>
          ))}
        </select>
      </div>
      <div class="row" style={{ margin: '8px 0' }}>
        <button type="button" class="primary" onClick={startNew}>
          {t('tplNew')}
        </button>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              download(
                await exportTemplates(),
                `ops-assistant-templates-${new Date().toISOString().slice(0, 10)}.json`,
              );
              return t('tplExported');
            })
          }
        >
          {t('exportJson')}
        </button>
        <label class="row">
          <span>{t('importJson')}</span>
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const n = await restoreBuiltInTemplates();
              return n > 0 ? t('tplRestored', n) : t('tplNothingToRestore');
            })
          }
        >
          {t('tplRestore')}
        </button>
      </div>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          class={message.kind === 'error' ? 'notice error' : 'muted'}
        >
          {message.text}
        </p>
      )}
      {editing && (
        <TemplateEditor
          key={editing.value.id}
          initial={editing.value}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setMessage({ kind: 'ok', text: t('tplSaved') });
          }}
        />
      )}
      {templates === undefined && <p class="muted">{t('loading')}</p>}
      {templates && groups.length === 0 && <p class="muted">{t('tplNone')}</p>}
      {groups.map((g) => (
        <div key={g.key} data-testid={`group-${g.key}`}>
          <h3 style={{ fontSize: '13px', margin: '10px 0 4px' }}>
            {intentLabel(g.intent)} · {g.language.toUpperCase()}
          </h3>
          <ul class="plain">
            {g.items.map((x) => (
              <li key={x.id} class="row" data-testid="template-item">
                <span style={{ flex: 1 }}>
                  {x.name}{' '}
                  <span class="chip">{x.tone === 'formal' ? t('toneFormal') : t('toneFriendly')}</span>{' '}
                  {x.builtIn && <span class="chip">{t('tplBuiltIn')}</span>}{' '}
                  {x.decision && (
                    <span class="chip" title={t('decisionNote')}>
                      {t(
                        x.decision === 'refund'
                          ? 'decisionRefund'
                          : x.decision === 'replacement'
                            ? 'decisionReplacement'
                            : 'decisionDecline',
                      )}
                    </span>
                  )}
                </span>
                {confirming === x.id ? (
                  <>
                    <span>{t('tplConfirmDelete', x.name)}</span>
                    <button
                      type="button"
                      class="primary"
                      onClick={() =>
                        void run(async () => {
                          await deleteTemplate(x.id);
                          setConfirming(null);
                          if (editing?.value.id === x.id) setEditing(null);
                          return t('tplDeleted', x.name);
                        })
                      }
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
                      aria-label={t('tplEditNamed', x.name)}
                      onClick={() => setEditing({ value: x, isNew: false })}
                    >
                      {t('optEdit')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('tplDuplicateNamed', x.name)}
                      onClick={() =>
                        void run(async () => {
                          const copy = await duplicateTemplate(x.id, t('tplCopySuffix'));
                          setEditing({ value: copy, isNew: false });
                          return t('tplDuplicated', x.name);
                        })
                      }
                    >
                      {t('tplDuplicate')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('tplDeleteNamed', x.name)}
                      onClick={() => setConfirming(x.id)}
                    >
                      {t('optDelete')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function TemplateEditor({
  initial,
  onCancel,
  onSaved,
}: {
  initial: TemplateRecord;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<{ name?: string; body?: string; save?: string }>({});
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The editor opens above the list; bring it into view when opened from far down.
  useEffect(() => formRef.current?.scrollIntoView?.({ block: 'nearest' }), []);
  const unknown = unknownVariables(value.body);
  const preview = renderTemplate(value.body, SAMPLES[value.language], value.language);
  const update = (changes: Partial<TemplateRecord>) => setValue((v) => ({ ...v, ...changes }));

  function insertVariable(name: TemplateVariable) {
    const el = bodyRef.current;
    const marker = `{{${name}}}`;
    const start = el?.selectionStart ?? value.body.length;
    const end = el?.selectionEnd ?? start;
    update({ body: value.body.slice(0, start) + marker + value.body.slice(end) });
    // After the re-render: put the caret right after the inserted marker.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + marker.length, start + marker.length);
    });
  }

  function toggleCommitment(id: Commitment, on: boolean) {
    const rest = (value.commitments ?? []).filter((c) => c !== id);
    update({ commitments: on ? [...rest, id] : rest });
  }

  async function save(e: Event) {
    e.preventDefault();
    const next = {
      ...(value.name.trim() ? {} : { name: t('tplNameRequired') }),
      ...(value.body.trim() ? {} : { body: t('tplBodyRequired') }),
    };
    setErrors(next);
    if (next.name || next.body) return;
    try {
      // An edited built-in is the business's own from now on: drafting prefers it over stock text.
      await saveTemplate({
        ...value,
        name: value.name.trim(),
        builtIn: value.builtIn && JSON.stringify(value) === JSON.stringify(initial),
      });
      onSaved();
    } catch (err) {
      setErrors({ save: t('errorGeneric', err instanceof Error ? err.message : String(err)) });
    }
  }

  return (
    <form
      ref={formRef}
      class="card"
      aria-label={t('tplEditor')}
      onSubmit={(e) => void save(e)}
      data-testid="template-editor"
    >
      <label class="row">
        <span style={{ minWidth: '120px' }}>{t('tplName')}</span>
        <input
          style={{ flex: 1 }}
          value={value.name}
          aria-invalid={errors.name ? true : undefined}
          onInput={(e) => update({ name: e.currentTarget.value })}
        />
      </label>
      {errors.name && (
        <p class="notice error" role="alert">
          {errors.name}
        </p>
      )}
      <div class="row">
        <label class="row">
          <span>{t('tplLanguage')}</span>
          <select
            value={value.language}
            onChange={(e) => update({ language: e.currentTarget.value as DraftLanguage })}
          >
            <option value="es">{t('languageEs')}</option>
            <option value="en">{t('languageEn')}</option>
          </select>
        </label>
        <label class="row">
          <span>{t('tplIntent')}</span>
          <select value={value.intent} onChange={(e) => update({ intent: e.currentTarget.value as Intent })}>
            {INTENTS.map((i) => (
              <option key={i} value={i}>
                {intentLabel(i)}
              </option>
            ))}
          </select>
        </label>
        <label class="row">
          <span>{t('tplTone')}</span>
          <select
            value={value.tone}
            onChange={(e) => update({ tone: e.currentTarget.value as TemplateRecord['tone'] })}
          >
            <option value="formal">{t('toneFormal')}</option>
            <option value="friendly">{t('toneFriendly')}</option>
          </select>
        </label>
      </div>
      <div class="row" role="group" aria-label={t('tplVariables')} style={{ margin: '6px 0' }}>
        <span class="muted">{t('tplVariables')}</span>
        {TEMPLATE_VARIABLES.map((v) => (
          <button
            key={v}
            type="button"
            class="chip"
            title={t(VARIABLE_HELP[v])}
            aria-label={t('tplInsertVariable', `{{${v}}}`)}
            onClick={() => insertVariable(v)}
          >
            {`{{${v}}}`}
          </button>
        ))}
      </div>
      <label>
        <span>{t('tplBody')}</span>
        <textarea
          ref={bodyRef}
          rows={10}
          dir="auto"
          value={value.body}
          aria-invalid={errors.body ? true : undefined}
          onInput={(e) => update({ body: e.currentTarget.value })}
        />
      </label>
      {errors.body && (
        <p class="notice error" role="alert">
          {errors.body}
        </p>
      )}
      {unknown.length > 0 && (
        <p class="notice" data-testid="unknown-variables">
          {t('tplUnknownVariables', unknown.join(', '))}
        </p>
      )}
      <fieldset>
        <legend>{t('tplCommitments')}</legend>
        {COMMITMENTS.map((c) => (
          <label key={c.id} class="row" style={{ display: 'inline-flex', marginRight: '12px' }}>
            <input
              type="checkbox"
              checked={value.commitments?.includes(c.id) ?? false}
              onChange={(e) => toggleCommitment(c.id, e.currentTarget.checked)}
            />
            {t(c.label)}
          </label>
        ))}
        <p class="muted">{t('tplCommitmentsHelp')}</p>
      </fieldset>
      <h4 style={{ margin: '8px 0 4px' }}>{t('tplPreview')}</h4>
      <div class="pre card" data-testid="template-preview" lang={value.language}>
        {preview.text}
      </div>
      {errors.save && (
        <p class="notice error" role="alert">
          {errors.save}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary">
          {t('tplSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('optCancel')}
        </button>
      </div>
    </form>
  );
}
