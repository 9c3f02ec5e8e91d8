/** State of the intake form: draft kept in main as the officer types, checks, duplicate hints, save. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wibDate } from '../../../../shared/calendar/working-days';
import type { MethodOutput } from '../../../../shared/contract';
import type { DeskError } from '../../../../shared/result';
import { api } from '../../api/client';
import { fieldErrorText, localError, say } from '../../i18n';
import { attachmentsDraftKey, useIntakeFiles } from '../attachments';
import { checkForm, emptyForm, fromDraft, isBlank, toRequest, type IntakeForm } from './form-state';

export type Saved = MethodOutput<'complaints.create'>;
export type SimilarHit = MethodOutput<'complaints.similar'>[number];

export function useIntake() {
  const { t } = useTranslation();
  const [form, setForm] = useState<IntakeForm>(emptyForm);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<DeskError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [restored, setRestored] = useState(false);
  const [similar, setSimilar] = useState<SimilarHit[]>([]);
  const loaded = useRef(false);
  const today = wibDate(new Date());
  const files = useIntakeFiles(t('ui.attachments.pasted'));
  const { restore: restoreFiles, forDraft } = files;

  // Bring back a half-typed form after a reload, a crash or an accidental close.
  useEffect(() => {
    let live = true;
    void api['drafts.get']({}).then((r) => {
      if (!live) return;
      if (r.ok && r.value) {
        setForm(fromDraft(r.value.data));
        restoreFiles(r.value.data[attachmentsDraftKey]);
        setRestored(true);
      }
      loaded.current = true;
    });
    return () => {
      live = false;
    };
  }, [restoreFiles]);

  // Keep the draft in main as the officer types (debounced), and at once when the screen is left
  // (another screen, a scanned receipt) with keystrokes not yet kept.
  // The files go with it (the uploads they name), so a reload brings them back too.
  const pending = useRef<IntakeForm | null>(null);
  const pendingFiles = useRef('');
  const keepDraft = useCallback((f: IntakeForm, attached: string) => {
    pending.current = null;
    if (isBlank(f) && !attached) void api['drafts.clear']({});
    else void api['drafts.save']({ data: { ...f, [attachmentsDraftKey]: attached } });
  }, []);
  const attached = forDraft(files.files);
  useEffect(() => {
    if (!loaded.current || saved) return;
    pending.current = form;
    pendingFiles.current = attached;
    const timer = window.setTimeout(() => keepDraft(form, attached), 250);
    return () => window.clearTimeout(timer);
  }, [form, attached, saved, keepDraft]);
  useEffect(
    () => () => {
      if (pending.current) keepDraft(pending.current, pendingFiles.current);
    },
    [keepDraft],
  );

  // Duplicate hints: same phone or NIK, or a similar title at the same agency.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const query = {
        phone: form.phone.trim() || undefined,
        nik: form.nik.trim() || undefined,
        title: form.title.trim().length >= 10 ? form.title : undefined,
        agencyCode: form.agencyCode || undefined,
      };
      if (!query.phone && !query.nik && !query.title) return setSimilar([]);
      void api['complaints.similar'](query).then((r) => setSimilar(r.ok ? r.value : []));
    }, 400);
    return () => window.clearTimeout(timer);
  }, [form.phone, form.nik, form.title, form.agencyCode]);

  const errors = useMemo(() => checkForm(form, today, t), [form, today, t]);
  const visibleError = (field: string) =>
    fieldErrorText(serverError, field) ?? (submitted || touched.has(field) ? errors[field] : undefined);

  const update = useCallback(<K extends keyof IntakeForm>(key: K, value: IntakeForm[K]) => {
    setForm((f) => {
      const next = { ...f, [key]: value };
      if (key === 'kecamatanCode' && value !== f.kecamatanCode) next.desaCode = '';
      if (key === 'categoryId' && value !== f.categoryId) next.subcategoryId = '';
      return next;
    });
    setTouched((s) => (s.has(key) ? s : new Set(s).add(key)));
    setServerError(null);
  }, []);

  const save = useCallback(async () => {
    if (saving) return;
    setSubmitted(true);
    if (Object.keys(errors).length > 0) {
      setServerError(localError('VALIDATION', say('errors.VALIDATION')));
      return;
    }
    setSaving(true);
    // The files still going up are waited for; one that failed stays out (its error is shown).
    const attachments = await files.forSave();
    const r = await api['complaints.create']({ ...toRequest(form, today), attachments });
    setSaving(false);
    if (!r.ok) return setServerError(r.error);
    pending.current = null;
    setSaved(r.value);
    void api['drafts.clear']({});
  }, [errors, form, saving, today, files]);

  const reset = useCallback(() => {
    pending.current = null;
    setForm(emptyForm);
    setTouched(new Set());
    setSubmitted(false);
    setServerError(null);
    setSaved(null);
    setRestored(false);
    setSimilar([]);
    files.clear();
    void api['drafts.clear']({});
  }, [files]);

  return {
    form,
    update,
    errors,
    visibleError,
    serverError,
    saving,
    saved,
    save,
    reset,
    restored,
    similar,
    files,
    today,
    touch: (f: string) => setTouched((s) => new Set(s).add(f)),
  };
}
