import type { Dictionary } from "./zh-CN";
import { accountsMessages } from "./messages/accounts";
import { adminMessages } from "./messages/admin";
import { apiDocsMessages } from "./messages/api-docs";
import { authMessages } from "./messages/auth";
import { batchMessages } from "./messages/batch";
import { cockpitMessages } from "./messages/cockpit";
import { crosscheckMessages } from "./messages/crosscheck";
import { leaderboardMessages } from "./messages/leaderboard";
import { promotersMessages } from "./messages/promoters";
import { qrcodesMessages } from "./messages/qrcodes";
import { securityMessages } from "./messages/security";
import { teamsMessages } from "./messages/teams";
import { webhooksMessages } from "./messages/webhooks";
import { tagsMessages } from "./messages/tags";
import { campaignsMessages } from "./messages/campaigns";
import { forwardMessages } from "./messages/forward";
import { backfillMessages } from "./messages/backfill";
import { linksMessages } from "./messages/links";
import { postersMessages } from "./messages/posters";
import { enrolMessages } from "./messages/enrol";
import { settlementMessages } from "./messages/settlement";
import { signalsMessages } from "./messages/signals";
import { qualifiedMessages } from "./messages/qualified";
import { followRepliesMessages, mediaMessages } from "./messages/follow-replies";

export const en: Dictionary = {
  app: {
    name: "Scenecode",
    tagline: "Know which promoter brought every follower",
  },
  nav: {
    overview: "Overview",
    promoters: "Promoters",
    leaderboard: "Leaderboard",
    settings: "Account",
    users: "Users",
    audit: "Audit log",
    apiDocs: "API reference",
    apiKeys: "API keys",
    backfill: "Import followers",
    teams: "Teams",
    webhooks: "Webhooks",
    tags: "Channel tags",
    crosscheck: "Cross-check",
    campaigns: "Campaigns",
    applications: "Applications",
    settlement: "Settlement",
    sectionMain: "Workspace",
    signOut: "Sign out",
    signedInAs: "Signed in as",
    language: "Language",
    openMenu: "Open menu",
    closeMenu: "Close menu",
  },
  roles: {
    admin: "Admin",
    viewer: "Viewer",
  },
  overview: {
    title: "Overview",
    welcome: "Welcome to Scenecode",
    intro:
      "Give every promoter a parametric QR code; followers who scan it are credited to that promoter and counted on the leaderboard.",
    stepsTitle: "Getting started",
    stepAccount:
      "Connect your Official Account: enter the AppID, AppSecret and Token, and set the server URL in the WeChat console.",
    stepPromoters: "Add promoters: Scenecode creates a permanent QR code for each through WeChat's API.",
    stepTrack: "Watch results: as people scan and follow, the leaderboard shows new, unfollowed and net followers.",
    statPromoters: "Promoters",
    statFollowers: "Attributed followers",
    statAccounts: "Connected accounts",
    database: "Database",
    pipelineTitle: "Event processing",
    pipelineBacklog: "Events waiting for attribution",
    pipelineLag: "Attribution lag (last 1,000, p50 / p99)",
    pipelineOk: "Healthy: pushes are attributed moments after they are acknowledged",
    pipelineLagging: "Attribution is {seconds} s behind: new follows are safely stored and will reach the leaderboard shortly",
    pipelineNoData: "None yet",
  },
  setup: {
    title: "Set up Scenecode",
    intro: "This is the first start. Create the first admin account, then sign in to the dashboard.",
    name: "Name",
    email: "Email",
    password: "Password",
    passwordHint: "At least 10 characters",
    confirmPassword: "Confirm password",
    submit: "Create admin",
    submitting: "Creating…",
    alreadyDone: "Scenecode is already set up. Please sign in.",
  },
  login: {
    title: "Sign in to Scenecode",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    invalid: "Wrong email or password.",
    throttled: "Too many failed attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
    failed: "Sign-in failed. Please try again.",
  },
  accounts: accountsMessages.en,
  promoters: promotersMessages.en,
  qrcodes: qrcodesMessages.en,
  batch: batchMessages.en,
  backfill: backfillMessages.en,
  links: linksMessages.en,
  posters: postersMessages.en,
  enrol: enrolMessages.en,
  qualified: qualifiedMessages.en,
  teams: teamsMessages.en,
  webhooks: webhooksMessages.en,
  tags: tagsMessages.en,
  campaigns: campaignsMessages.en,
  settlement: settlementMessages.en,
  forward: forwardMessages.en,
  followReplies: followRepliesMessages.en,
  media: mediaMessages.en,
  apiDocs: apiDocsMessages.en,
  admin: adminMessages.en,
  account: authMessages.en,
  leaderboard: leaderboardMessages.en,
  cockpit: cockpitMessages.en,
  crosscheck: crosscheckMessages.en,
  security: securityMessages.en,
  signals: signalsMessages.en,
  errors: {
    required: "Required",
    emailInvalid: "Enter a valid email address",
    passwordShort: "Use at least 10 characters",
    passwordLong: "Use at most 200 characters",
    passwordMismatch: "The passwords do not match",
    passwordUnchanged: "The new password must differ from the current one",
    nameLong: "Use at most 80 characters",
    generic: "Something went wrong. Please try again.",
    forbidden: "You don't have permission to do this.",
    notFound: "This page does not exist.",
    backHome: "Back to the dashboard",
  },
};
