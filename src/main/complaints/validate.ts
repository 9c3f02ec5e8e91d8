/** Rules an intake must pass beyond its shape: identity, NIK, phone, email, dates, references. */
import type { z } from 'zod';
import type { complaintInput } from '../../shared/contract/complaints';
import { nikProblem, normalizeNik } from '../../shared/domain/nik';
import { normalizePhone } from '../../shared/domain/phone';
import { isEmail } from '../../shared/domain/complaint-rules';
import { say, type MessageText } from '../../shared/i18n';
import { DeskFailure } from '../platform/failure';
import type { Reference } from '../reference';

export type ParsedComplaint = z.output<typeof complaintInput>;

export interface CleanIdentity {
  name: string | null;
  nik: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export function checkComplaint(input: ParsedComplaint, reference: Reference, today: string): CleanIdentity {
  const fields: Record<string, MessageText> = {};
  const unknown = (field: string) =>
    (fields[field] = say('errors.unknownReference', { field: say(`fields.${field}`) }));

  if (!input.anonymous && !input.complainantName) fields.complainantName = say('validation.identityRequired');

  let nik: string | null = null;
  if (input.nik) {
    nik = normalizeNik(input.nik);
    const problem = nikProblem(nik);
    if (problem === 'format') fields.nik = say('validation.nikFormat');
    else if (problem === 'region') fields.nik = say('validation.nikRegion');
    else if (problem === 'birthdate') fields.nik = say('validation.nikBirthdate');
  }
  let phone: string | null = null;
  if (input.phone) {
    phone = normalizePhone(input.phone);
    if (!phone) fields.phone = say('validation.phone');
  }
  if (input.email && !isEmail(input.email)) fields.email = say('validation.email');
  if (input.incidentDate && input.incidentDate > today) fields.incidentDate = say('validation.futureDate');

  const channel = reference.channel(input.channel);
  if (!channel?.active) unknown('channel');
  const agency = reference.agency(input.agencyCode);
  if (!agency?.active) unknown('agencyCode');
  if (input.categoryId !== undefined) {
    const c = reference.category(input.categoryId);
    if (!c?.active || c.parentId !== null) unknown('categoryId');
  }
  if (input.subcategoryId !== undefined) {
    const s = reference.category(input.subcategoryId);
    if (!s?.active || s.parentId === null || s.parentId !== input.categoryId) unknown('subcategoryId');
  }
  if (input.kecamatanCode !== undefined && reference.region(input.kecamatanCode)?.level !== 'kecamatan') {
    unknown('kecamatanCode');
  }
  if (input.desaCode !== undefined) {
    const desa = reference.region(input.desaCode);
    if (!desa || (desa.level !== 'desa' && desa.level !== 'kelurahan')) unknown('desaCode');
    else if (desa.parentCode !== input.kecamatanCode) fields.desaCode = say('errors.desaNotInKecamatan');
  }

  if (Object.keys(fields).length > 0) throw new DeskFailure('VALIDATION', say('errors.VALIDATION'), fields);
  return {
    name: input.complainantName ?? null,
    nik,
    phone,
    email: input.email ? input.email.toLowerCase() : null,
    address: input.address ?? null,
  };
}
