// Which column holds which promoter field, from the header row, in Chinese or English.

export const IMPORT_FIELDS = ["name", "phone", "note", "team"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const ALIASES: Record<ImportField, string[]> = {
  name: ["name", "姓名", "名字", "推广者", "推广者姓名", "promoter"],
  phone: ["phone", "手机号", "手机", "手机号码", "电话", "联系电话", "mobile", "phone number", "tel"],
  note: ["note", "备注", "说明", "notes", "remark", "remarks", "comment"],
  team: ["team", "团队", "所属团队", "分组", "渠道分组", "小组", "team name", "group"],
};

// "姓名*", "手机号（可选）", " Phone " and "PHONE" all name the same column.
function normalize(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]$/, "")
    .replace(/[*＊:：]/g, "")
    .trim();
}

/** The column index of each field found in the header row (the first column wins on repeats). */
export function mapImportColumns(header: string[]): Partial<Record<ImportField, number>> {
  const columns: Partial<Record<ImportField, number>> = {};
  header.forEach((cell, index) => {
    const key = normalize(cell);
    const field = IMPORT_FIELDS.find((f) => ALIASES[f].includes(key));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}
