import { env } from "../../env";
import { pgPipelineDb } from "./pg-pipeline-db";
import type { PipelineDb } from "./sql-session";
import { sqlitePipelineDb } from "./sqlite-pipeline-db";

const globalForPipeline = globalThis as unknown as { scenecodePipelineDb?: PipelineDb };

/** The pipeline's database handle for this process, opened on first use. */
export function pipelineDb(): PipelineDb {
  if (!globalForPipeline.scenecodePipelineDb) {
    const config = env();
    globalForPipeline.scenecodePipelineDb =
      config.databaseProvider === "postgresql" ? pgPipelineDb(config.DATABASE_URL) : sqlitePipelineDb(config.sqlitePath!);
  }
  return globalForPipeline.scenecodePipelineDb;
}

/** Closes the handle (tests and scripts that end the process cleanly). */
export async function closePipelineDb() {
  const handle = globalForPipeline.scenecodePipelineDb;
  globalForPipeline.scenecodePipelineDb = undefined;
  await handle?.close();
}
