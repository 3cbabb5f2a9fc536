/**
 * What an uploaded file is, by its first bytes rather than its name or the browser's MIME type (both
 * are whatever the sender says). Only a ZIP holding a workbook part is a spreadsheet; old binary Excel
 * gets its own answer, because "save as .xlsx" is the one fix its owner needs to hear.
 */
export type Sniffed = 'xlsx' | 'zip-other' | 'legacy-xls' | 'binary' | 'text'

const SIGNATURES: [Sniffed, number[]][] = [
  ['legacy-xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]], // OLE2: .xls, .doc
  ['binary', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['binary', [0x89, 0x50, 0x4e, 0x47]], // PNG
  ['binary', [0xff, 0xd8, 0xff]], // JPEG
  ['binary', [0x47, 0x49, 0x46, 0x38]], // GIF8
  ['binary', [0x1f, 0x8b]], // gzip
  ['binary', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]], // 7z
  ['binary', [0x52, 0x61, 0x72, 0x21]], // Rar!
  ['binary', [0x7f, 0x45, 0x4c, 0x46]], // ELF
  ['binary', [0x4d, 0x5a]], // MZ: Windows executables
]

const ZIP = [0x50, 0x4b, 0x03, 0x04]
// Entry names are stored as plain bytes in a ZIP's headers; every XLSX has this part.
const WORKBOOK_PART = new TextEncoder().encode('xl/workbook.xml')

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)

export function sniffUpload(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, ZIP)) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(WORKBOOK_PART) === -1
      ? 'zip-other'
      : 'xlsx'
  }
  for (const [kind, magic] of SIGNATURES) if (startsWith(bytes, magic)) return kind
  return 'text'
}
