import { describe, expect, it } from "vitest";
import { ImportFileError } from "./import-file-error";
import { parseCsv } from "./parse-csv";
import { readImportFile } from "./read-import-file";

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ImportFileError ? { code: error.code, row: error.row } : error;
  }
  return null;
};

describe("an unclosed quote in a CSV", () => {
  it("refuses the file and names the row where the quote opened", () => {
    // Row 3's note opens a quote that never closes: rows 4 and 5 would vanish into that one cell.
    const text = 'name,note\n甲,ok\n乙,"门店 A\n丙,x\n丁,y\n';
    expect(failure(() => parseCsv(text))).toEqual({ code: "unclosedQuote", row: 3 });
  });

  it("counts rows as the preview does, line breaks inside closed quotes included", () => {
    expect(failure(() => parseCsv('name,note\n甲,"two\nlines"\n"乙,x\n'))).toEqual({ code: "unclosedQuote", row: 3 });
    expect(failure(() => parseCsv('"name'))).toEqual({ code: "unclosedQuote", row: 1 });
    expect(failure(() => parseCsv('name\n甲\n""""'))).toBeNull(); // an escaped quote inside a closed field
  });

  it("still reads quotes that close, and a quote in the middle of a cell as text", () => {
    expect(parseCsv('name,note\n"Li, Lei","say ""hi"""\nO"Brien,5" screen\n')).toEqual([["name", "note"], ["Li, Lei", 'say "hi"'], ['O"Brien', '5" screen']]);
  });

  it("reaches the uploader as the file's error with its row", async () => {
    const bytes = new TextEncoder().encode('姓名,备注\n甲,"未闭合\n乙,\n');
    const error = await readImportFile({ name: "推广者.csv", bytes }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: "unclosedQuote", row: 2 });
  });
});
