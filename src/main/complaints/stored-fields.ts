/**
 * The complaint columns a save and a correction both write: the content as checked, personal data
 * sealed with its blind indexes, and the location text the search index holds.
 */
import { contentKeys, type ContentKey } from '../../shared/contract/complaint-fields';
import type { PersonalDataCipher } from '../platform/crypto/personal-data';
import type { Reference } from '../reference';
import type { CleanIdentity, ParsedComplaint } from './validate';

/** The content of a complaint as checked (what the form sent). */
export type ComplaintContent = Pick<ParsedComplaint, ContentKey>;
/** The content as its columns hold it: a field not given is null. */
export type ContentColumns = {
  [K in ContentKey]: undefined extends ComplaintContent[K]
    ? Exclude<ComplaintContent[K], undefined> | null
    : ComplaintContent[K];
};

/** The content fields of a source, each missing one as `absent`. */
const pickContent = (source: Partial<Record<ContentKey, unknown>>, absent: null | undefined) =>
  Object.fromEntries(contentKeys.map((k) => [k, source[k] ?? absent]));

/** The content columns of a save or a correction (also what a screen reads of a stored row). */
export const contentColumns = (content: ComplaintContent | ContentColumns) =>
  pickContent(content, null) as ContentColumns;

/** The content of a stored complaint as the form would send it (null as not given). */
export const contentOfRow = (row: ContentColumns) => pickContent(row, undefined) as ComplaintContent;

export function storedFields(content: ComplaintContent, identity: CleanIdentity, cipher: PersonalDataCipher) {
  const seal = (field: 'nik' | 'phone' | 'email' | 'address', v: string | null) =>
    v === null ? null : cipher.encrypt(field, v);
  return {
    ...contentColumns(content),
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
