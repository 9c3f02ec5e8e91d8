/**
 * The complaint columns a save and a correction both write: the content as checked, personal data
 * sealed with its blind indexes, and the location text the search index holds.
 */
import type { ComplaintType } from '../../shared/domain/complaint';
import type { PersonalDataCipher } from '../platform/crypto/personal-data';
import type { Reference } from '../reference';
import type { CleanIdentity } from './validate';

export interface ComplaintContent {
  type: ComplaintType;
  channel: string;
  title: string;
  body: string;
  incidentDate?: string | undefined;
  kecamatanCode?: string | undefined;
  desaCode?: string | undefined;
  locationDetail?: string | undefined;
  categoryId?: number | undefined;
  subcategoryId?: number | undefined;
  supervisory: boolean;
  anonymous: boolean;
  confidential: boolean;
}

export function storedFields(content: ComplaintContent, identity: CleanIdentity, cipher: PersonalDataCipher) {
  const seal = (field: 'nik' | 'phone' | 'email' | 'address', v: string | null) =>
    v === null ? null : cipher.encrypt(field, v);
  return {
    type: content.type,
    channel: content.channel,
    title: content.title,
    body: content.body,
    incidentDate: content.incidentDate ?? null,
    kecamatanCode: content.kecamatanCode ?? null,
    desaCode: content.desaCode ?? null,
    locationDetail: content.locationDetail ?? null,
    categoryId: content.categoryId ?? null,
    subcategoryId: content.subcategoryId ?? null,
    supervisory: content.supervisory,
    anonymous: content.anonymous,
    confidential: content.confidential,
    complainantName: identity.name,
    nikEnc: seal('nik', identity.nik),
    nikBidx: identity.nik && cipher.blindIndex('nik', identity.nik),
    phoneEnc: seal('phone', identity.phone),
    phoneBidx: identity.phone && cipher.blindIndex('phone', identity.phone),
    emailEnc: seal('email', identity.email),
    addressEnc: seal('address', identity.address),
  };
}

/** Detail, desa and kecamatan names: what a search for a place finds. */
export function searchLocation(
  reference: Reference,
  c: Pick<ComplaintContent, 'locationDetail' | 'desaCode' | 'kecamatanCode'>,
): string {
  return [
    c.locationDetail,
    c.desaCode && reference.region(c.desaCode)?.name,
    c.kecamatanCode && reference.region(c.kecamatanCode)?.name,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The personal data of a stored complaint, decrypted (null where none was given). */
export function openPersonal(
  cipher: PersonalDataCipher,
  row: { nikEnc: string | null; phoneEnc: string | null; emailEnc: string | null; addressEnc: string | null },
) {
  const open = (field: 'nik' | 'phone' | 'email' | 'address', v: string | null) =>
    v === null ? null : cipher.decrypt(field, v);
  return {
    nik: open('nik', row.nikEnc),
    phone: open('phone', row.phoneEnc),
    email: open('email', row.emailEnc),
    address: open('address', row.addressEnc),
  };
}
