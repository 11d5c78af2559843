/**
 * The carriers' web entry: its routes for the shell, and the pieces the evaluation room's 绩效评价 page is built
 * from (the carriers list and its hooks, the carrier dialog, the figures form, the import dialog, small labels).
 */
import './messages.ts';
export { carrierRoutes } from './routes.tsx';
export {
  CARRIERS,
  lastYear,
  useCarrierFigures,
  useCarriers,
  useCreateCarrier,
  useDeleteCarrier,
  useImportCarriers,
  useMyCarrier,
  usePatchCarrier,
  useRefreshCarriers,
  useSaveFigures,
} from './api.ts';
export { CarrierDialog } from './components/CarrierDialog.tsx';
export { CarrierFiguresForm } from './components/CarrierFiguresForm.tsx';
export { CarrierImportDialog } from './components/CarrierImportDialog.tsx';
export { FigureSourceTag, levelLabel, ProgressTag, ReviewYearSelect } from './components/CarrierLabels.tsx';
export type * from './types.ts';
