import { db, isUniqueViolation } from "../db";
import { hashPassword } from "./password";
import { newUserSchema, setupSchema } from "./schemas";
import { writeAudit } from "../audit/write-audit";
import { checkSetupCode, consumeSetupCode } from "./setup-code";

const SETUP_KEY = "setup.completed";

export class SetupAlreadyDoneError extends Error {
  constructor() {
    super("Scenecode is already set up");
  }
}

export class SetupCodeError extends Error {
  constructor() {
    super("Wrong setup code");
  }
}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`A user with email ${email} already exists`);
  }
}

export async function isSetupDone(): Promise<boolean> {
  const client = db();
  const [marker, users] = await Promise.all([
    client.setting.findUnique({ where: { key: SETUP_KEY } }),
    client.user.count(),
  ]);
  return Boolean(marker) || users > 0;
}

/**
 * First-run setup: creates the first admin exactly once, for the holder of the setup code. Both
 * refusals (already set up, wrong code) come before the argon2 hash, so an anonymous visitor cannot
 * make the server burn CPU. The Setting row's primary key decides races between concurrent
 * submissions (or instances), not the prior checks.
 */
export async function createFirstAdmin(input: unknown) {
  const data = setupSchema.parse(input);
  if (await isSetupDone()) throw new SetupAlreadyDoneError();
  if (!(await checkSetupCode(data.setupCode))) throw new SetupCodeError();
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().$transaction(async (tx) => {
      if ((await tx.user.count()) > 0) throw new SetupAlreadyDoneError();
      await tx.setting.create({ data: { key: SETUP_KEY, value: new Date().toISOString() } });
      await consumeSetupCode(tx);
      const user = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash, role: "admin" } });
      await writeAudit(tx, { actor: user.email, userId: user.id, action: "setup.complete", targetType: "user", targetId: user.id });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new SetupAlreadyDoneError();
    throw error;
  }
}

/**
 * Creates a user (CLI and the users page). Marks setup done, so the setup page closes. With
 * `temporaryPassword` (an admin chose the password) the user must replace it at first sign-in.
 */
export async function createUser(input: unknown, actor: { email: string; id?: string }, { temporaryPassword = false } = {}) {
  const data = newUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: data.email, name: data.name, passwordHash, role: data.role, mustChangePassword: temporaryPassword } });
      await tx.setting.upsert({
        where: { key: SETUP_KEY },
        create: { key: SETUP_KEY, value: new Date().toISOString() },
        update: {},
      });
      await consumeSetupCode(tx);
      await writeAudit(tx, { actor: actor.email, userId: actor.id, action: "user.create", targetType: "user", targetId: user.id, detail: { email: user.email, role: user.role } });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError(data.email);
    throw error;
  }
}
