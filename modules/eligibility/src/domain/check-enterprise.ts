/** One enterprise through every rule: the `rules check` result shape. */
import type { EnterpriseFigures } from './input.ts';
import { checkHnte, type HnteResult } from './hnte.ts';
import { checkTechSme, type TechSmeResult } from './tech-sme.ts';

export interface RulesResult {
  id: string;
  hnte: HnteResult;
  techSme: TechSmeResult;
}

export function checkEnterprise(firm: EnterpriseFigures): RulesResult {
  return { id: firm.id, hnte: checkHnte(firm), techSme: checkTechSme(firm) };
}
