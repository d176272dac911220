// The simulator's own endpoints (/__simulator/…): inject failures, read call counts, record pushed events.
import { z } from "zod";
import { answerCustomMessageControl } from "./custom-message-routes";
import { answerDatacubeControl } from "./datacube-control";
import { seedFollowers, seedFollowersSchema } from "./seed-followers";
import type { SimulatorState } from "./simulator-state";
import { answerTagControl } from "./tag-routes";

export const CONTROL_PREFIX = "/__simulator/";

export type ControlAnswer = { status: number; reply: Record<string, unknown> };

const path = z.string().startsWith("/").max(200).optional();
const count = z.number().int().min(1).max(10_000).default(1);

const commandSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("failNext"),
    errcode: z.number().int().refine((n) => n !== 0, "errcode 0 is not a failure"),
    count,
    path,
    after: z.number().int().min(0).max(1_000_000).default(0), // calls that succeed before the failures start
  }),
  z.object({ action: z.literal("setLatency"), ms: z.number().int().min(0).max(600_000), path }),
  z.object({ action: z.literal("hangNext"), count, path }),
  z.object({ action: z.literal("invalidateTokens") }),
  z.object({ action: z.literal("reset") }),
]);

/** A command for POST /__simulator/control. */
export type SimulatorCommand = z.input<typeof commandSchema>;

const eventSchema = z.object({
  appId: z.string().min(1).max(64),
  event: z.enum(["subscribe", "unsubscribe", "SCAN"]),
  openid: z.string().min(1).max(128),
  scene: z.string().min(1).max(64).optional(),
  createTime: z.number().int().positive().optional(),
});

/** A follow, unfollow or scan for POST /__simulator/events. */
export type SimulatedEvent = z.input<typeof eventSchema>;

const refuse = (error: string, status = 400): ControlAnswer => ({ status, reply: { ok: false, error } });
const describeIssue = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");

function control(state: SimulatorState, body: unknown, apiPaths: ReadonlySet<string>): ControlAnswer {
  const parsed = commandSchema.safeParse(body);
  if (!parsed.success) return refuse(describeIssue(parsed.error));
  const command = parsed.data;
  if ("path" in command && command.path !== undefined && !apiPaths.has(command.path)) {
    return refuse(`path: the simulator has no ${command.path} (known: ${[...apiPaths].join(", ")})`);
  }
  if (command.action === "failNext") state.failNext(command.errcode, command.count, command.path, command.after);
  else if (command.action === "setLatency") state.setLatency(command.ms, command.path);
  else if (command.action === "hangNext") state.hangNext(command.count, command.path);
  else if (command.action === "invalidateTokens") state.invalidateTokens();
  else state.reset();
  return { status: 200, reply: { ok: true } };
}

function snapshot(state: SimulatorState): ControlAnswer {
  const followers = Object.fromEntries(
    [...state.followers].map(([appId, list]) => [appId, { total: list.size, following: list.followingCount }]),
  );
  return { status: 200, reply: { ok: true, calls: state.callCounts(), faults: state.faults.snapshot(), followers } };
}

function seed(state: SimulatorState, body: unknown): ControlAnswer {
  const parsed = seedFollowersSchema.safeParse(body);
  if (!parsed.success) return refuse(describeIssue(parsed.error));
  if (parsed.data.qrPercent + parsed.data.unknownPercent > 100) return refuse("qrPercent + unknownPercent: at most 100 together");
  const counts = seedFollowers(state.followersOf(parsed.data.appId), parsed.data);
  return { status: 200, reply: { ok: true, ...counts } };
}

function recordEvent(state: SimulatorState, body: unknown): ControlAnswer {
  const parsed = eventSchema.safeParse(body);
  if (!parsed.success) return refuse(describeIssue(parsed.error));
  const { appId, event, openid, scene, createTime } = parsed.data;
  const ticket = scene ? state.ticketFor(appId, scene) : undefined;
  state.recordEvent(appId, event, openid, scene, createTime);
  return { status: 200, reply: { ok: true, ...(ticket ? { ticket } : {}) } };
}

function materials(state: SimulatorState, body: unknown): ControlAnswer {
  const parsed = z.object({ appId: z.string().min(1).max(64) }).safeParse(body);
  if (!parsed.success) return refuse(describeIssue(parsed.error));
  const mediaIds = [...state.materials].filter(([, m]) => m.appId === parsed.data.appId).map(([id]) => id);
  return { status: 200, reply: { ok: true, mediaIds } };
}

/** Answers "METHOD /__simulator/…"; apiPaths are the fake API's paths, which failures may target. */
export function answerControl(state: SimulatorState, route: string, body: unknown, apiPaths: ReadonlySet<string>): ControlAnswer {
  if (route === "POST /__simulator/control") return control(state, body, apiPaths);
  if (route === "GET /__simulator/state") return snapshot(state);
  if (route === "POST /__simulator/events") return recordEvent(state, body);
  if (route === "POST /__simulator/datacube") return answerDatacubeControl(state, body);
  if (route === "POST /__simulator/followers") return seed(state, body);
  const customMessages = answerCustomMessageControl(state, route, body);
  if (customMessages) return customMessages;
  if (route === "POST /__simulator/tags") return answerTagControl(state, body);
  if (route === "POST /__simulator/materials") return materials(state, body);
  return refuse(`the simulator has no ${route}`, 404);
}
