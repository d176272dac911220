// Sends one push of the documented corpus (push-corpus.ts) to a callback, as WeChat would: the
// tracked follow, unfollow and scan through pushEvent (with the simulator's follower list and
// tickets); every other message or event as its documented XML, signed and encrypted per mode.
import { buildCorpusXml, PUSH_CORPUS, type CorpusEntry, type CorpusName } from "./push-corpus";
import { DEFAULT_TO_USER } from "./build-push-body";
import { pushEvent, type PushEventOptions, type PushEventResult } from "./push-event";

export type PushCorpusOptions = Omit<PushEventOptions, "event" | "xml" | "body"> & { name: CorpusName };

export function pushCorpusEntry({ name, ...options }: PushCorpusOptions): Promise<PushEventResult> {
  const entry: CorpusEntry = PUSH_CORPUS[name];
  if (entry.tracked) return pushEvent({ ...options, event: entry.tracked });
  const createTime = options.createTime ?? Math.floor(Date.now() / 1000);
  const xml = buildCorpusXml(name, { openid: options.openid, createTime, toUserName: options.toUserName ?? DEFAULT_TO_USER, scene: options.scene });
  // Not a follow, unfollow or scan: nothing to record in the simulator's follower list.
  return pushEvent({ ...options, simulator: undefined, simulatorUrl: undefined, event: "SCAN", xml });
}
