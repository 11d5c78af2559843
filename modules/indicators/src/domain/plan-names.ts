/** Short names of the five-year plans: FYP14 → 十四五 (the bureau's word), any other code as it is. */
const ZH_DIGITS = '〇一二三四五六七八九';
const zhNumber = (n: number): string => (n < 10 ? ZH_DIGITS[n] : `${n >= 20 ? ZH_DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? ZH_DIGITS[n % 10] : ''}`);

export function planShortZh(code: string): string {
  const fyp = /^FYP(\d{1,2})$/.exec(code);
  return fyp ? `${zhNumber(Number(fyp[1]))}五` : code;
}
