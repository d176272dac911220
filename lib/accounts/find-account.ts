import { db } from "../db";

// What the callback route needs to verify and attribute a push; never the AppSecret.
const CALLBACK_SELECT = {
  id: true,
  appId: true,
  token: true,
  encodingAesKey: true,
  previousEncodingAesKey: true,
  mode: true,
  timezone: true,
  welcomeText: true,
} as const;

export type CallbackAccount = NonNullable<Awaited<ReturnType<typeof findAccountByAppId>>>;

export function findAccountByAppId(appId: string) {
  if (!/^wx[0-9a-zA-Z]{16}$/.test(appId)) return Promise.resolve(null);
  return db().account.findUnique({ where: { appId }, select: CALLBACK_SELECT });
}
