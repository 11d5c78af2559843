/** Shapes of the carriers' API, derived from its zod contract (type-only: nothing of it is bundled). */
import type { z } from 'zod';
import type * as K from '../contract/carriers.ts';
import type * as I from '../contract/carrier-import.ts';

export type { CarrierKind, CarrierLevel, FigureSource, ReviewKind } from '../domain/index.ts';
export type Carrier = z.infer<typeof K.ZCarrier>;
export type CarrierListItem = z.infer<typeof K.ZCarrierListItem>;
export type CarrierCreate = z.input<typeof K.ZCarrierCreate>;
export type CarrierPatch = z.input<typeof K.ZCarrierPatch>;
export type CarrierFigure = z.infer<typeof K.ZFigure>;
export type CarrierFigures = z.infer<typeof K.ZCarrierFigures>;
export type FiguresPut = z.input<typeof K.ZFiguresPut>;
/** POST /carriers/import: what an accepted file did; one bad cell of a refused one (`error.details.errors`) */
export type CarrierImportResult = I.CarrierImportResult;
export type CarrierImportError = I.CarrierImportError;
