/**
 * The rules of a complaint's fields, written once: the contract's schema (main, on save), the
 * checks main adds, and the intake form (as the officer types) all read them from here.
 */

/** Characters allowed in each text field: [least, most]. A least of 0 means optional. */
export const complaintLimits = {
  title: [10, 150],
  body: [30, 8000],
  locationDetail: [0, 300],
  complainantName: [0, 100],
  /** As typed: spaces, dots and dashes allowed; checked by the NIK rules after normalising. */
  nik: [0, 40],
  /** As typed: +62, spaces and dashes allowed; checked by the phone rules after normalising. */
  phone: [0, 40],
  email: [0, 254],
  address: [0, 300],
} as const satisfies Record<string, readonly [number, number]>;

/** What the intake form lets an officer type into the NIK and phone boxes. */
export const typedLimits = { nik: 24, phone: 24 } as const;

/** A plausible e-mail address: something@domain.tld, no spaces. */
export const isEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value);
