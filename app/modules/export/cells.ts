/**
 * Spreadsheet programs execute a cell that starts with = + - @ (or a tab/CR before
 * them) as a formula: `=HYPERLINK(...)` in a business name must arrive as text.
 * Prefixing an apostrophe is the OWASP-recommended neutralisation; Excel hides it.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

export type CellValue = string | number | boolean | Date | null

/** Text cells are neutralised; numbers, booleans and dates pass as typed values. */
export function safeCell(value: CellValue): CellValue {
  return typeof value === 'string' ? neutralizeFormula(value) : value
}
