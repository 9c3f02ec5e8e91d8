/** The intake form's values, its checks as the officer types, and the request it becomes. */
import type { TFunction } from 'i18next';
import { addCalendarDays } from '../../../../shared/calendar/working-days';
import {
  contentFormKind,
  contentKeys,
  emptyContent,
  type ContentForm,
} from '../../../../shared/contract/complaint-fields';
import type { ComplaintInput } from '../../../../shared/contract/complaints';
import { nikProblem, normalizeNik } from '../../../../shared/domain/nik';
import { normalizePhone } from '../../../../shared/domain/phone';
import { parseTypedDate } from '../../../../shared/domain/typed-date';
import { complaintLimits, isEmail } from '../../../../shared/domain/complaint-rules';

/** What the officer has typed: the content fields as the shared definition holds them, and the rest. */
export type IntakeForm = ContentForm & {
  agencyCode: string;
  nik: string;
  phone: string;
  email: string;
  address: string;
};

export const emptyForm: IntakeForm = {
  ...emptyContent,
  agencyCode: '',
  nik: '',
  phone: '',
  email: '',
  address: '',
};

/** The same limits main checks (shared/domain/complaint-rules.ts). */
export const limits = complaintLimits;

/** Restores a draft saved by an earlier version of the form: unknown keys are dropped. */
export function fromDraft(data: Record<string, unknown>): IntakeForm {
  const form = { ...emptyForm };
  for (const key of Object.keys(emptyForm) as Array<keyof IntakeForm>) {
    const v = data[key];
    if (typeof v === typeof emptyForm[key]) (form as Record<string, unknown>)[key] = v;
  }
  return form;
}

export function isBlank(form: IntakeForm): boolean {
  return (Object.keys(emptyForm) as Array<keyof IntakeForm>).every((k) => form[k] === emptyForm[k]);
}

/** Field messages, as the officer types; the same rules main applies on save. */
export function checkForm(form: IntakeForm, today: string, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const label = (f: string) => t(`fields.${f}`);
  for (const f of ['title', 'body'] as const) {
    const n = form[f].trim().length;
    const [min, max] = limits[f];
    if (n === 0) errors[f] = t('validation.required', { field: label(f) });
    else if (n < min) errors[f] = t('validation.tooShort', { field: label(f), min });
    else if (n > max) errors[f] = t('validation.tooLong', { field: label(f), max });
  }
  // The other limited fields: at most as long as main accepts (a paste can be longer than a box shows).
  for (const f of ['locationDetail', 'complainantName', 'nik', 'phone', 'email', 'address'] as const) {
    const max = limits[f][1];
    if (form[f].trim().length > max) errors[f] = t('validation.tooLong', { field: label(f), max });
  }
  if (!form.agencyCode) errors.agencyCode = t('validation.required', { field: label('agencyCode') });
  if (!form.channel) errors.channel = t('validation.required', { field: label('channel') });
  if (form.incidentDate.trim()) {
    const date = parseTypedDate(form.incidentDate, today);
    if (!date) errors.incidentDate = t('validation.date');
    else if (date > today) errors.incidentDate = t('validation.futureDate');
  }
  if (!form.anonymous && !form.complainantName.trim())
    errors.complainantName = t('validation.identityRequired');
  if (!errors.nik && form.nik.trim()) {
    const problem = nikProblem(normalizeNik(form.nik));
    if (problem)
      errors.nik = t(
        problem === 'format'
          ? 'validation.nikFormat'
          : problem === 'region'
            ? 'validation.nikRegion'
            : 'validation.nikBirthdate',
      );
  }
  if (!errors.phone && form.phone.trim() && !normalizePhone(form.phone)) errors.phone = t('validation.phone');
  if (!errors.email && form.email.trim() && !isEmail(form.email.trim())) errors.email = t('validation.email');
  if (form.desaCode && !form.kecamatanCode)
    errors.kecamatanCode = t('validation.required', { field: label('kecamatanCode') });
  return errors;
}

/** A warning, not a block: the rules give citizens 30 days to complain. */
export function isOldIncident(form: IntakeForm, today: string): boolean {
  const date = parseTypedDate(form.incidentDate, today);
  return date !== null && date < addCalendarDays(today, -30);
}

export function toRequest(form: IntakeForm, today: string): ComplaintInput {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const content = Object.fromEntries(
    contentKeys.map((key) => {
      const typed = form[key];
      if (typeof typed === 'boolean') return [key, typed];
      switch (contentFormKind(key)) {
        case 'optional':
          return [key, opt(typed)];
        case 'id':
          return [key, typed ? Number(typed) : undefined];
        case 'date':
          return [key, parseTypedDate(typed, today) ?? opt(typed)];
        default:
          return [key, typed];
      }
    }),
  );
  return {
    ...content,
    agencyCode: form.agencyCode,
    nik: opt(form.nik),
    phone: opt(form.phone),
    email: opt(form.email),
    address: opt(form.address),
  } as ComplaintInput;
}
