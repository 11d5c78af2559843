/** A table as read from an uploaded .xlsx or .csv: a header row and data rows numbered as the spreadsheet shows them. */

/** A cell as read: text, a number, a boolean, a date, or empty. */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** row number as the spreadsheet shows it */
  row: number;
  cells: Cell[];
}

export interface Table {
  headers: string[];
  rows: TableRow[];
}

export interface CellProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** A cell as the user sees it in text: a date as YYYY-MM-DD, empty as ''. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

/** The spreadsheet's letter of a zero-based column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
