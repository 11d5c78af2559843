/**
 * The diagnosis room's error codes: a closed union, each with its HTTP status and its message in both
 * languages (`{name}` filled from the error's params).
 */
import { errorsOf, type ErrorTable } from '@kechuang/platform-core';

export type DiagnosisErrorCode = 'DX_YEAR_WITHOUT_FIGURES';

export const DIAGNOSIS_ERRORS: ErrorTable<DiagnosisErrorCode> = {
  DX_YEAR_WITHOUT_FIGURES: { status: 404, zh: '该企业没有 {year} 年的数据', en: 'The enterprise has no figures for {year}' },
};

export const diagnosisError = errorsOf(DIAGNOSIS_ERRORS);
