/** What every node of the scheme editor reads: the tree and its setter, the data's columns, the last weights preview, the node a server error names. */
import { createContext, useContext } from 'react';
import type { PresetColumn } from '../types.ts';
import type { GroupJson } from './scheme-tree.ts';

export interface EditorContextValue {
  root: GroupJson;
  setRoot: (fn: (root: GroupJson) => GroupJson) => void;
  /** a preset's columns; null for an uploaded table (any column name) */
  columns: PresetColumn[] | null;
  /** weights from the last preview, by child id; AHP consistency ratios by group id */
  computed: Map<string, number>;
  cr: Map<string, number>;
  errorId: string | null;
  errorMessage: string | null;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const v = useContext(EditorContext);
  if (!v) throw new Error('useEditor outside the scheme editor');
  return v;
}
