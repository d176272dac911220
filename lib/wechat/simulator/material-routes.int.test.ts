import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./start-simulator";

// The simulator's permanent material: multipart upload, count, list, delete, as WeChat answers them.
let simulator: RunningSimulator;
let token = "";
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

beforeAll(async () => {
  simulator = await startSimulator();
  const issued = await fetch(`${simulator.url}/cgi-bin/stable_token`, { method: "POST", body: JSON.stringify({ grant_type: "client_credential", appid: "wx00000000material", secret: "abcdefabcdefabcdefabcdefabcdef12" }) });
  token = ((await issued.json()) as { access_token: string }).access_token;
});
afterAll(() => simulator.close());

const api = (path: string, init?: RequestInit) => fetch(`${simulator.url}/cgi-bin/material/${path}${path.includes("?") ? "&" : "?"}access_token=${token}`, init).then((r) => r.json() as Promise<Record<string, unknown>>);
const upload = (bytes: Uint8Array, type = "image") => {
  const form = new FormData();
  form.append("media", new Blob([Buffer.from(bytes)], { type: "image/png" }), "poster.png");
  return api(`add_material?type=${type}`, { method: "POST", body: form });
};
const post = (path: string, body: unknown) => api(path, { method: "POST", body: JSON.stringify(body) });

describe("simulated material", () => {
  it("stores an uploaded image, counts, lists and deletes it", async () => {
    const added = await upload(PNG);
    expect(added).toMatchObject({ media_id: expect.any(String), url: expect.stringMatching(/^http:\/\/mmbiz\.qpic\.cn\//) });
    expect(await api("get_materialcount")).toMatchObject({ image_count: 1 });
    expect(await post("batchget_material", { type: "image", offset: 0, count: 20 })).toMatchObject({ total_count: 1, item_count: 1, item: [{ media_id: added.media_id, name: "poster.png" }] });
    expect(await post("del_material", { media_id: added.media_id })).toEqual({ errcode: 0, errmsg: "ok" });
    expect(await post("del_material", { media_id: added.media_id })).toMatchObject({ errcode: 40007 });
    expect(await api("get_materialcount")).toMatchObject({ image_count: 0 });
  });

  it("refuses a non-image (40005), another type (40004), a missing file (41005) and a file over 10 MB (45001)", async () => {
    expect(await upload(new TextEncoder().encode("not an image"))).toMatchObject({ errcode: 40005 });
    expect(await upload(PNG, "voice")).toMatchObject({ errcode: 40004 });
    expect(await api("add_material?type=image", { method: "POST", body: new FormData() })).toMatchObject({ errcode: 41005 });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PNG);
    expect(await upload(big)).toMatchObject({ errcode: 45001 });
    expect(await post("batchget_material", { type: "image", offset: 0, count: 21 })).toMatchObject({ errcode: 47001 });
  });
});
