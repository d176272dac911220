import pg from "pg";

// Workaround for prisma/orm#27403: @prisma/adapter-pg has no column type for the catalog type
// `name` (OID 19), which Prisma's migration queries select, so `migrate deploy` fails with
// "Column type 'name' could not be deserialized". Reporting those columns as text (OID 25)
// is exact: `name` is a fixed-length string. Used by the Prisma CLI's config only.
const NAME_OID = 19;
const TEXT_OID = 25;
const PATCHED = Symbol("scenecode.nameAsText");

type Queryable = { query: (...args: never[]) => unknown; [PATCHED]?: true };

function patchResult<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
  for (const field of fields ?? []) if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  return result;
}

function patchQuery<T extends Queryable>(target: T): T {
  if (target[PATCHED]) return target;
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  (target as { query: unknown }).query = (...args: unknown[]) => {
    const out = original(...args);
    return out instanceof Promise ? out.then(patchResult) : out;
  };
  target[PATCHED] = true;
  return target;
}

/** A pg.Pool whose results (and its clients' results) report `name` columns as text. */
export function createNameAsTextPool(config: pg.PoolConfig): pg.Pool {
  const pool = patchQuery(new pg.Pool(config) as unknown as Queryable) as unknown as pg.Pool;
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => Promise<pg.PoolClient> | void;
  // pg.Pool#query itself calls connect(callback), so both calling styles must keep working.
  (pool as { connect: unknown }).connect = (callback?: (error: unknown, client?: Queryable, done?: unknown) => void) => {
    if (callback) {
      return connect((error, client, done) => callback(error, client ? patchQuery(client as Queryable) : undefined, done));
    }
    return (connect() as Promise<pg.PoolClient>).then((client) => patchQuery(client as unknown as Queryable) as unknown as pg.PoolClient);
  };
  return pool;
}
