/** Rules an intake must pass beyond its shape: identity, NIK, phone, email, dates, references. */
import type { z } from 'zod';
import type { complaintInput } from '../../shared/contract/complaints';
import { nikProblem, normalizeNik } from '../../shared/domain/nik';
import { normalizePhone } from '../../shared/domain/phone';
import { isEmail } from '../../shared/domain/complaint-rules';
import { msg } from '../../shared/i18n';
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
  const fields: Record<string, string> = {};
  const unknown = (field: string) =>
    (fields[field] = msg('errors.unknownReference', { field: msg(`fields.${field}`) }));

  if (!input.anonymous && !input.complainantName) fields.complainantName = msg('validation.identityRequired');

  let nik: string | null = null;
  if (input.nik) {
    nik = normalizeNik(input.nik);
    const problem = nikProblem(nik);
    if (problem === 'format') fields.nik = msg('validation.nikFormat');
    else if (problem === 'region') fields.nik = msg('validation.nikRegion');
    else if (problem === 'birthdate') fields.nik = msg('validation.nikBirthdate');
  }
  let phone: string | null = null;
  if (input.phone) {
    phone = normalizePhone(input.phone);
    if (!phone) fields.phone = msg('validation.phone');
  }
  if (input.email && !isEmail(input.email)) fields.email = msg('validation.email');
  if (input.incidentDate && input.incidentDate > today) fields.incidentDate = msg('validation.futureDate');

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
    else if (desa.parentCode !== input.kecamatanCode) fields.desaCode = msg('errors.desaNotInKecamatan');
  }

  if (Object.keys(fields).length > 0) throw new DeskFailure('VALIDATION', msg('errors.VALIDATION'), fields);
  return {
    name: input.complainantName ?? null,
    nik,
    phone,
    email: input.email ? input.email.toLowerCase() : null,
    address: input.address ?? null,
  };
}
