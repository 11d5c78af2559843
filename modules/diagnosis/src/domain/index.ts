/** 科技体检's pure rules: peers, percentiles, verdicts, advice (no database, no HTTP). */
export * from './diagnosis.ts';
export { adviceFor, formatPct, formatWan, type AdviceContext } from './diagnosis-advice.ts';
