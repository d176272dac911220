import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./event-types";

// Messages are dictionary keys under `webhooks.errors` (the REST API answers them as they are).
export const MAX_ENDPOINTS_PER_ACCOUNT = 10;

export const endpointSchema = z.object({
  url: z.string().trim().min(1, "urlRequired").max(2000, "urlLong"),
  description: z.string().trim().max(100, "descriptionLong").optional().transform((v) => v || null),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES, { error: "eventsUnknown" })).min(1, "eventsRequired").transform((v) => [...new Set(v)]),
});

export type EndpointInput = z.infer<typeof endpointSchema>;

export const endpointIdSchema = z.string().regex(/^[\w-]{1,64}$/);
