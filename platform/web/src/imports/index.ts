export * from './ImportWorkbench.tsx';
export * from './ImportOutcome.tsx';
export * from './ImportRunHistory.tsx';
