/**
 * What a scheme or a preset warns of (an unknown field ignored, weights ignored, an indicator left out of a
 * default scheme) as a code with its facts, worded in both languages when it is shown (the API answers in the
 * request's language). A run computed before the codes keeps its Chinese sentences, shown as they are.
 */
export type SchemeWarningCode = 'FIELD_UNKNOWN' | 'WEIGHTS_IGNORED' | 'INDICATOR_TOO_FEW' | 'INDICATOR_ALL_SAME';

/** a fact: a number, a code or name as given, or our words in both languages */
export type WarningParam = string | number | { zh: string; en: string };

export interface SchemeWarning {
  code: SchemeWarningCode;
  params: Record<string, WarningParam>;
}

export const SCHEME_WARNINGS: Readonly<Record<SchemeWarningCode, { zh: string; en: string }>> = {
  FIELD_UNKNOWN: { zh: '{where}的字段 {key} 无法识别，已忽略', en: 'Field {key} of {where} is not known and was ignored' },
  WEIGHTS_IGNORED: {
    zh: '节点 {node} 的权重方法为 {method}，子项的 weight 已忽略',
    en: "Node {node} is weighted by {method}: its children's weights were ignored",
  },
  INDICATOR_TOO_FEW: {
    zh: '指标“{name}”本期只有 {count} 个单位有实际值，未纳入默认方案',
    en: 'Indicator {code} is left out of the default scheme: {count} units have an actual in the period',
  },
  INDICATOR_ALL_SAME: {
    zh: '指标“{name}”本期各单位实际值相同，未纳入默认方案',
    en: 'Indicator {code} is left out of the default scheme: every unit has the same actual in the period',
  },
};

/** A warning in `lang`; a run's warning stored before the codes (a Chinese sentence) as it is. */
export function warningText(w: SchemeWarning | string, lang: 'zh' | 'en'): string {
  if (typeof w === 'string') return w;
  return SCHEME_WARNINGS[w.code][lang].replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = w.params[name];
    return v === undefined ? m : typeof v === 'object' ? v[lang] : String(v);
  });
}

/** the same warning twice (a scheme checked, then evaluated) is one */
export const sameWarning = (a: SchemeWarning, b: SchemeWarning): boolean => JSON.stringify(a) === JSON.stringify(b);
