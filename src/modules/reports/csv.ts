/**
 * RFC 4180 CSV: CRLF line ends, a header row, and fields holding a comma, a double quote or a
 * line break enclosed in double quotes with inner quotes doubled. Text cells that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or carriage return) are prefixed with a
 * single quote, since names in these reports are typed by customers and staff.
 */

export type Cell = string | number | boolean | null;

/** One column: its header and how to read it from a row. */
export interface Column<T> {
  header: string;
  value: (row: T) => Cell;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell !== "string") return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const line = (cells: Cell[]) => `${cells.map(csvField).join(",")}\r\n`;
  return (
    line(columns.map((c) => c.header)) +
    rows.map((row) => line(columns.map((c) => c.value(row)))).join("")
  );
}
