// POST /__simulator/datacube: make the simulator's WeChat statistics disagree with what it pushed
// (one day off, for the cross-check's tests), set the followers an account had before, or start over.
import { z } from "zod";
import type { ControlAnswer } from "./control-routes";
import type { SimulatorState } from "./simulator-state";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "day must be YYYY-MM-DD");
const delta = z.number().int().min(-1_000_000).max(1_000_000).optional();
const appId = z.string().min(1).max(64);

const commandSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("adjust"), appId, day, userSource: z.number().int().min(0).max(1000).optional(), newUser: delta, cancelUser: delta, cumulateUser: delta }),
  z.object({ action: z.literal("baseline"), appId, followers: z.number().int().min(0).max(100_000_000) }),
  z.object({ action: z.literal("clear"), appId: appId.optional() }),
]);

/** A command for POST /__simulator/datacube. */
export type DatacubeCommand = z.input<typeof commandSchema>;

export function answerDatacubeControl(state: SimulatorState, body: unknown): ControlAnswer {
  const parsed = commandSchema.safeParse(body);
  if (!parsed.success) {
    return { status: 400, reply: { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") } };
  }
  const command = parsed.data;
  if (command.action === "adjust") state.datacube.adjust(command.appId, command);
  else if (command.action === "baseline") state.datacube.baseline.set(command.appId, command.followers);
  else state.datacube.clear(command.appId);
  return { status: 200, reply: { ok: true } };
}
