/**
 * Every room's messages exist in both languages: a key in Chinese and not in English (or the reverse) would show
 * the bare key to a user of the other language. Placeholders ({n}) must match too.
 */
import { describe, expect, it } from 'vitest';
import { en as enterprisesEn } from '../../../modules/enterprises/src/web/messages-en.ts';
import { zhCN as enterprisesZh } from '../../../modules/enterprises/src/web/messages-zh.ts';
import { en as evaluationEn } from '../../../modules/evaluation/src/web/messages-en.ts';
import { zhCN as evaluationZh } from '../../../modules/evaluation/src/web/messages-zh.ts';
import { en as carriersEn } from '../../../modules/carriers/src/web/messages-en.ts';
import { zhCN as carriersZh } from '../../../modules/carriers/src/web/messages-zh.ts';
import { en as diagnosisEn } from '../../../modules/diagnosis/src/web/messages-en.ts';
import { zhCN as diagnosisZh } from '../../../modules/diagnosis/src/web/messages-zh.ts';
import { en as indicatorsEn } from '../../../modules/indicators/src/web/messages-en.ts';
import { zhCN as indicatorsZh } from '../../../modules/indicators/src/web/messages-zh.ts';
import * as enterprisesAudit from '../../../modules/enterprises/src/web/audit-labels.ts';
import * as evaluationAudit from '../../../modules/evaluation/src/web/audit-labels.ts';
import * as carriersAudit from '../../../modules/carriers/src/web/audit-labels.ts';
import * as indicatorsAudit from '../../../modules/indicators/src/web/audit-labels.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['enterprises', enterprisesZh, enterprisesEn],
  ['evaluation', evaluationZh, evaluationEn],
  ['carriers', carriersZh, carriersEn],
  ['diagnosis', diagnosisZh, diagnosisEn],
  ['indicators', indicatorsZh, indicatorsEn],
  ['enterprises audit', enterprisesAudit.auditZh, enterprisesAudit.auditEn],
  ['evaluation audit', evaluationAudit.auditZh, evaluationAudit.auditEn],
  ['carriers audit', carriersAudit.auditZh, carriersAudit.auditEn],
  ['indicators audit', indicatorsAudit.auditZh, indicatorsAudit.auditEn],
])("the %s room's messages", (_, zh, en) => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).filter((k) => !(k in zh))).toEqual([]);
    expect(Object.keys(zh).filter((k) => !(k in en))).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differ = Object.keys(zh).filter((k) => k in en && placeholders(zh[k]).join() !== placeholders(en[k]).join());
    expect(differ).toEqual([]);
  });
});
