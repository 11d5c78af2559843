/** The room's API shapes as the web client uses them: types only from the zod contract (the bundle holds no zod). */
import type { z } from 'zod';
import type { ZContractInput, ZCorrection, ZInstalmentInput, ZRefuse, ZStats } from '../contract/tech-contracts.ts';

export type { ImportResult, Stats, TechContract, TechContractDetail } from '../contract/tech-contracts.ts';
export type ContractInput = z.input<typeof ZContractInput>;
export type Correction = z.input<typeof ZCorrection>;
export type InstalmentInput = z.input<typeof ZInstalmentInput>;
export type Refusal = z.input<typeof ZRefuse>;
export type StatsBy = z.infer<typeof ZStats>['by'];
