// Drives a simulator running in another process (`simulate --serve`) through its /__simulator/ endpoints.
import type { SimulatedEvent, SimulatorCommand } from "./control-routes";
import type { SimulatedMessage } from "./custom-message-routes";
import type { DatacubeCommand } from "./datacube-control";
import type { SentCustomMessage } from "./simulator-custom-messages";
import type { SeedFollowers } from "./seed-followers";

type ControlReply = { ok?: boolean; error?: string; [key: string]: unknown };

async function callSimulator(simulatorUrl: string, path: string, body?: unknown): Promise<ControlReply> {
  const url = new URL(path, simulatorUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new Error(`no simulator answers at ${url.origin} (${code}); start one with: npm run cli -- simulate --serve`);
  }
  const reply = (await response.json().catch(() => ({}))) as ControlReply;
  if (!response.ok || reply.ok !== true) {
    throw new Error(`the simulator at ${url.origin} refused ${path}: ${reply.error ?? `HTTP ${response.status}`}`);
  }
  return reply;
}

/** Sends one control command (failNext, setLatency, hangNext, invalidateTokens, reset). */
export async function controlSimulator(simulatorUrl: string, command: SimulatorCommand): Promise<void> {
  await callSimulator(simulatorUrl, "/__simulator/control", command);
}

/** Call counts per API path, pending faults, and follower counts per AppID. */
export function readSimulatorState(simulatorUrl: string): Promise<ControlReply> {
  return callSimulator(simulatorUrl, "/__simulator/state");
}

/** Records a follow, unfollow or scan in the simulator's follower list; returns the ticket it issued for the scene. */
export async function recordSimulatorEvent(simulatorUrl: string, event: SimulatedEvent): Promise<{ ticket?: string }> {
  const reply = await callSimulator(simulatorUrl, "/__simulator/events", event);
  return typeof reply.ticket === "string" ? { ticket: reply.ticket } : {};
}

/** Tells the simulator a follower sent the account a message (opens the 48-hour window for 客服消息). */
export async function recordSimulatorMessage(simulatorUrl: string, message: SimulatedMessage): Promise<void> {
  await callSimulator(simulatorUrl, "/__simulator/messages", message);
}

/** The 客服消息 the simulator accepted, oldest first. */
export async function readCustomMessages(simulatorUrl: string): Promise<SentCustomMessage[]> {
  return (await callSimulator(simulatorUrl, "/__simulator/custom-messages")).messages as SentCustomMessage[];
}

/** Adjusts the statistics the simulator's datacube endpoints report (adjust a day, baseline, clear). */
export async function controlDatacube(simulatorUrl: string, command: DatacubeCommand): Promise<void> {
  await callSimulator(simulatorUrl, "/__simulator/datacube", command);
}

/** Adds a population of `count` followers with a mix of scenes; returns how many came by a known scene, an unknown one, or none. */
export async function seedSimulatorFollowers(simulatorUrl: string, seed: SeedFollowers): Promise<{ qr: number; unknown: number; organic: number }> {
  const reply = await callSimulator(simulatorUrl, "/__simulator/followers", seed);
  return { qr: Number(reply.qr), unknown: Number(reply.unknown), organic: Number(reply.organic) };
}

/** The simulator's tags of an account with their members, or the tag ids one follower holds. */
export async function readSimulatorTags(simulatorUrl: string, appId: string, openid?: string): Promise<{ tags?: { id: number; name: string; count: number; members: string[] }[]; tagIds?: number[] }> {
  const reply = await callSimulator(simulatorUrl, "/__simulator/tags", { appId, ...(openid ? { openid } : {}) });
  return reply as { tags?: { id: number; name: string; count: number; members: string[] }[]; tagIds?: number[] };
}

/** The media_ids of the permanent images an account uploaded to the simulator at simulatorUrl. */
export async function simulatorMaterials(simulatorUrl: string, appId: string): Promise<string[]> {
  const reply = await callSimulator(simulatorUrl, "/__simulator/materials", { appId });
  return Array.isArray(reply.mediaIds) ? reply.mediaIds.filter((id): id is string => typeof id === "string") : [];
}
