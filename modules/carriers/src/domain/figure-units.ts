/**
 * Units of a carrier figure that counts things (people, firms, patents …): such a figure is a whole number.
 * Kept free of zod so the web client can import it without pulling the schema library into the bundle
 * (zod's eval probe is refused by the Content-Security-Policy).
 */
export const COUNT_UNITS: ReadonlySet<string> = new Set(['人', '家', '件', '个', '场', '项']);
