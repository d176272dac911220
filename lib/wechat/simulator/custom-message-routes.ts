// Simulated 客服消息: POST /cgi-bin/message/custom/send (text and image), refused with 45015 outside the
// 48-hour window after the follower's last interaction the simulator knows of; and the control
// endpoints tests read the sent messages through and report a follower's message with.
import { z } from "zod";
import type { ControlAnswer } from "./control-routes";
import { errorReply, type SimulatorRoutes } from "./simulator-reply";
import type { SimulatorState } from "./simulator-state";

const sendBody = z.discriminatedUnion("msgtype", [
  z.object({ touser: z.string().min(1), msgtype: z.literal("text"), text: z.object({ content: z.string().min(1).max(2048) }) }),
  z.object({ touser: z.string().min(1), msgtype: z.literal("image"), image: z.object({ media_id: z.string().min(1) }) }),
]);

export const customMessageRoutes: SimulatorRoutes = {
  "POST /cgi-bin/message/custom/send": (state, { query, body }) => {
    const auth = state.resolveToken(query.get("access_token"));
    if ("errcode" in auth) return errorReply(auth.errcode);
    const parsed = sendBody.safeParse(body);
    if (!parsed.success) return errorReply(47001);
    const message = parsed.data;
    if (!state.customMessages.withinWindow(auth.appId, message.touser)) return errorReply(45015);
    state.customMessages.record({
      appId: auth.appId,
      touser: message.touser,
      msgtype: message.msgtype,
      ...(message.msgtype === "text" ? { content: message.text.content } : { mediaId: message.image.media_id }),
      sentAt: Date.now(),
    });
    return { errcode: 0, errmsg: "ok" };
  },
};

const messageSchema = z.object({ appId: z.string().min(1).max(64), openid: z.string().min(1).max(128), createTime: z.number().int().positive().optional() });

/** A follower's message to the account, for POST /__simulator/messages (opens the 48-hour window). */
export type SimulatedMessage = z.input<typeof messageSchema>;

/** GET /__simulator/custom-messages and POST /__simulator/messages; null for another route. */
export function answerCustomMessageControl(state: SimulatorState, route: string, body: unknown): ControlAnswer | null {
  if (route === "GET /__simulator/custom-messages") return { status: 200, reply: { ok: true, messages: state.customMessages.sent } };
  if (route !== "POST /__simulator/messages") return null;
  const parsed = messageSchema.safeParse(body);
  if (!parsed.success) return { status: 400, reply: { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") } };
  state.customMessages.noteInteraction(parsed.data.appId, parsed.data.openid, parsed.data.createTime);
  return { status: 200, reply: { ok: true } };
}
