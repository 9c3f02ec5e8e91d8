/** The languages of the desk's screens and messages; Bahasa Indonesia first. */
export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];
