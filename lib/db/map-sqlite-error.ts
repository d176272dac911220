// SQLite's errors as Prisma's driver-adapter errors (the mapping of Prisma's own SQLite adapters), so
// the client raises what it raised under better-sqlite3: P2002 for a unique violation, a
// SocketTimeout (P1008) for SQLITE_BUSY, which isBusy() in lib/db.ts retries.
import { DriverAdapterError } from "@prisma/driver-adapter-utils";

type DriverError = { code: string; message: string };
type Mapped = ConstructorParameters<typeof DriverAdapterError>[0];

const fieldsOf = (message: string) => message.split("constraint failed: ").at(1)?.split(", ").map((field) => field.split(".").pop()!);

function mapped(error: DriverError): Mapped | null {
  // SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, _RECOVERY, _TIMEOUT), SQLITE_LOCKED.
  if (/^SQLITE_(BUSY|LOCKED)/.test(error.code)) return { kind: "SocketTimeout" };
  switch (error.code) {
    case "SQLITE_CONSTRAINT_UNIQUE":
    case "SQLITE_CONSTRAINT_PRIMARYKEY": {
      const fields = fieldsOf(error.message);
      return { kind: "UniqueConstraintViolation", constraint: fields ? { fields } : undefined };
    }
    case "SQLITE_CONSTRAINT_NOTNULL": {
      const fields = fieldsOf(error.message);
      return { kind: "NullConstraintViolation", constraint: fields ? { fields } : undefined };
    }
    case "SQLITE_CONSTRAINT_FOREIGNKEY":
    case "SQLITE_CONSTRAINT_TRIGGER":
      return { kind: "ForeignKeyConstraintViolation", constraint: { foreignKey: {} } };
  }
  if (error.message.startsWith("no such table")) return { kind: "TableDoesNotExist", table: error.message.split(": ").at(1) };
  if (error.message.startsWith("no such column")) return { kind: "ColumnNotFound", column: error.message.split(": ").at(1) };
  if (error.message.includes("has no column named ")) return { kind: "ColumnNotFound", column: error.message.split("has no column named ").at(1) };
  return null;
}

/** Throws `error` as a DriverAdapterError when it is one SQLite's error the engine knows, else as it is. */
export function throwSqliteError(error: unknown): never {
  const e = error as Partial<DriverError> | null;
  if (typeof e?.code === "string" && typeof e.message === "string") {
    const kind = mapped(e as DriverError);
    if (kind) throw new DriverAdapterError({ originalCode: e.code, originalMessage: e.message, ...kind } as Mapped);
  }
  throw error;
}
