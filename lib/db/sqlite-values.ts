// Values between Prisma's query engine and SQLite, for the driver adapter in sqlite-adapter.ts.
// The same conversions as Prisma's own SQLite adapters (@prisma/adapter-better-sqlite3 6.19.3,
// Apache-2.0), so the database holds exactly what it held under better-sqlite3: DateTime as
// ISO 8601 text with "+00:00", booleans as 0/1, BigInt as 64-bit integers, Bytes as blobs.
import { ColumnTypeEnum, type ArgType, type ColumnType } from "@prisma/driver-adapter-utils";
import type { SqlParam } from "./open-sqlite";

function declaredType(declared: string | null): ColumnType | null {
  switch (declared?.toUpperCase()) {
    case undefined: case "": return null;
    case "DECIMAL": return ColumnTypeEnum.Numeric;
    case "FLOAT": return ColumnTypeEnum.Float;
    case "DOUBLE": case "DOUBLE PRECISION": case "NUMERIC": case "REAL": return ColumnTypeEnum.Double;
    case "TINYINT": case "SMALLINT": case "MEDIUMINT": case "INT": case "INTEGER": case "SERIAL": case "INT2": return ColumnTypeEnum.Int32;
    case "BIGINT": case "UNSIGNED BIG INT": case "INT8": return ColumnTypeEnum.Int64;
    case "DATETIME": case "TIMESTAMP": return ColumnTypeEnum.DateTime;
    case "TIME": return ColumnTypeEnum.Time;
    case "DATE": return ColumnTypeEnum.Date;
    case "TEXT": case "CLOB": case "CHARACTER": case "VARCHAR": case "VARYING CHARACTER": case "NCHAR": case "NATIVE CHARACTER": case "NVARCHAR": return ColumnTypeEnum.Text;
    case "BLOB": return ColumnTypeEnum.Bytes;
    case "BOOLEAN": return ColumnTypeEnum.Boolean;
    case "JSONB": return ColumnTypeEnum.Json;
    default: return null;
  }
}

function inferred(value: unknown): ColumnType {
  switch (typeof value) {
    case "string": return ColumnTypeEnum.Text;
    case "bigint": return ColumnTypeEnum.Int64;
    case "boolean": return ColumnTypeEnum.Boolean;
    case "number": return ColumnTypeEnum.UnknownNumber;
    default:
      if (value instanceof Uint8Array || value instanceof ArrayBuffer) return ColumnTypeEnum.Bytes;
      throw new TypeError(`SQLite returned a value of unexpected type ${typeof value}`);
  }
}

/** Column types from the declared types; an expression's type from the first row that has a value. */
export function columnTypes(declared: (string | null)[], rows: unknown[][]): ColumnType[] {
  return declared.map((d, column) => {
    const type = declaredType(d);
    if (type !== null) return type;
    const row = rows.find((r) => r[column] !== null);
    return row ? inferred(row[column]) : ColumnTypeEnum.Int32;
  });
}

/** One result row as the query engine reads it. */
export function engineRow(row: unknown[], types: ColumnType[]): unknown[] {
  return row.map((value, i) => {
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) return Array.from(new Uint8Array(value as ArrayBuffer));
    const type = types[i];
    if (typeof value === "number" && (type === ColumnTypeEnum.Int32 || type === ColumnTypeEnum.Int64) && !Number.isInteger(value)) return Math.trunc(value);
    if ((typeof value === "number" || typeof value === "bigint") && type === ColumnTypeEnum.DateTime) return new Date(Number(value)).toISOString();
    if (typeof value === "bigint") return value.toString();
    return value;
  });
}

/** One query argument as SQLite stores it. */
export function sqliteArg(arg: unknown, type: ArgType | undefined): SqlParam {
  if (arg === null || arg === undefined) return null;
  const scalar = type?.scalarType;
  if (typeof arg === "string") {
    if (scalar === "int") return Number.parseInt(arg, 10);
    if (scalar === "float" || scalar === "decimal") return Number.parseFloat(arg);
    if (scalar === "bigint") return BigInt(arg);
    if (scalar === "bytes") return Buffer.from(arg, "base64");
    if (scalar === "datetime") arg = new Date(arg);
  }
  if (typeof arg === "boolean") return arg ? 1 : 0;
  if (arg instanceof Date) return arg.toISOString().replace("Z", "+00:00");
  if (Array.isArray(arg) && scalar === "bytes") return Buffer.from(arg as number[]);
  return arg as SqlParam;
}
