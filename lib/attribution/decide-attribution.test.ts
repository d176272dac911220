import { describe, expect, it } from "vitest";
import { decideAttribution } from "./decide-attribution";

const following = { status: "following", promoterId: "alice" };
const unfollowedOwnedByAlice = { status: "unfollowed", promoterId: "alice" };

describe("attribution rules", () => {
  it("credits a first follow through a promoter's code as a new follower (first-touch owner)", () => {
    const d = decideAttribution({ event: "subscribe", scene: "12", scenePromoterId: "alice", follower: null });
    expect(d).toMatchObject({ kind: "new_follow", promoterId: "alice", promoterCounters: { newFollowers: 1 }, accountCounters: { newFollowers: 1 } });
    expect(d.follower).toEqual({ action: "create", source: "qr", promoterId: "alice", status: "following" });
  });

  it("counts a later follow through another promoter's code as a re-follow for that code, never as new", () => {
    const d = decideAttribution({ event: "subscribe", scene: "13", scenePromoterId: "bob", follower: unfollowedOwnedByAlice });
    expect(d).toMatchObject({ kind: "refollow", promoterId: "bob", promoterCounters: { refollows: 1 }, accountCounters: { refollows: 1 } });
    expect(d.follower).toEqual({ action: "follow" }); // the owner stays alice
  });

  it("treats a follow without a scene as organic", () => {
    const d = decideAttribution({ event: "subscribe", scene: null, scenePromoterId: undefined, follower: null });
    expect(d).toMatchObject({ kind: "organic", promoterId: null, promoterCounters: {}, accountCounters: { newFollowers: 1, organic: 1 } });
  });

  it("stores a follow through an unknown scene as unattributed", () => {
    for (const scenePromoterId of [undefined, null]) {
      const d = decideAttribution({ event: "subscribe", scene: "999", scenePromoterId, follower: null });
      expect(d).toMatchObject({ kind: "unknown_scene", promoterId: null, accountCounters: { newFollowers: 1, unattributed: 1 } });
      expect(d.follower).toMatchObject({ action: "create", source: "unknown_scene" });
    }
  });

  it("counts SCAN as a scan for the scene's promoter with no follower credit", () => {
    const d = decideAttribution({ event: "SCAN", scene: "12", scenePromoterId: "alice", follower: following });
    expect(d).toMatchObject({ kind: "scan", promoterId: "alice", promoterCounters: { scans: 1 }, accountCounters: { scans: 1 }, follower: { action: "none" } });
  });

  it("records a SCAN by someone who never came through a code as a pre-existing follower", () => {
    const d = decideAttribution({ event: "SCAN", scene: "12", scenePromoterId: "alice", follower: null });
    expect(d.follower).toEqual({ action: "create", source: "preexisting", promoterId: null, status: "following" });
    expect(d.promoterCounters).toEqual({ scans: 1 });
  });

  it("raises the owner's unfollow count on unsubscribe", () => {
    const d = decideAttribution({ event: "unsubscribe", scene: null, scenePromoterId: undefined, follower: following });
    expect(d).toMatchObject({ kind: "unfollow", promoterId: "alice", promoterCounters: { unfollows: 1 }, accountCounters: { unfollows: 1 }, follower: { action: "unfollow" } });
  });

  it("counts an unfollow of someone who followed before Scenecode for the account only", () => {
    const d = decideAttribution({ event: "unsubscribe", scene: null, scenePromoterId: undefined, follower: null });
    expect(d).toMatchObject({ kind: "unfollow", promoterId: null, promoterCounters: {}, accountCounters: { unfollows: 1 } });
    expect(d.follower).toMatchObject({ action: "create", source: "preexisting", status: "unfollowed" });
  });

  it("changes nothing for a follow by a current follower or an unfollow by a former one", () => {
    expect(decideAttribution({ event: "subscribe", scene: "12", scenePromoterId: "bob", follower: following }).kind).toBe("ignored");
    expect(decideAttribution({ event: "unsubscribe", scene: null, scenePromoterId: undefined, follower: unfollowedOwnedByAlice })).toMatchObject({
      kind: "ignored",
      promoterCounters: {},
      accountCounters: {},
    });
  });
});
