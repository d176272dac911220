// Why an uploaded import file is refused as a whole; nothing is imported from a refused file.

// Dictionary keys under `batch.import.fileErrors`.
export type ImportFileErrorCode =
  | "empty"
  | "tooLarge"
  | "unsupportedType"
  | "xlsNotSupported"
  | "invalidXlsx"
  | "unclosedQuote"
  | "missingNameColumn"
  | "noRows"
  | "tooManyRows";

export class ImportFileError extends Error {
  /** The row (1-based, as the preview counts them) where the problem begins, when there is one. */
  readonly row?: number;

  constructor(readonly code: ImportFileErrorCode, detail: { row?: number } = {}) {
    super(`Import file rejected: ${code}${detail.row ? ` (row ${detail.row})` : ""}`);
    this.name = "ImportFileError";
    this.row = detail.row;
  }
}
