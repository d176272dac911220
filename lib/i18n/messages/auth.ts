// The signed-in user's own account: changing the password, signing out everywhere.
import type { Widen } from "../widen";

const zh = {
  title: "修改密码",
  intro: "输入当前密码并设置新密码。修改后，其他设备上的登录会全部退出。",
  mustChange: "你正在使用管理员设置的临时密码。请先设置自己的密码，然后才能继续使用。",
  fields: { currentPassword: "当前密码", password: "新密码", passwordHint: "至少 10 个字符", confirmPassword: "确认新密码" },
  submit: "修改密码",
  submitting: "正在保存…",
  done: "密码已修改。",
  back: "返回工作台",
  link: "修改密码",
  everywhereTitle: "退出所有设备",
  everywhereIntro: "如果你在别人的电脑上登录过，或怀疑账号被他人使用，可以让所有设备（包括这台）立即退出登录。",
  everywhere: "退出所有设备",
  confirmEverywhere: "确认让所有设备退出登录？你需要重新登录。",
  errors: { wrongPassword: "当前密码不正确。", throttled: "尝试次数过多，请稍后再试。" },
} as const;

const en: Widen<typeof zh> = {
  title: "Change password",
  intro: "Enter your current password and choose a new one. Every other device you are signed in on is signed out.",
  mustChange: "You are using a temporary password set by an admin. Choose your own password to continue.",
  fields: { currentPassword: "Current password", password: "New password", passwordHint: "At least 10 characters", confirmPassword: "Confirm new password" },
  submit: "Change password",
  submitting: "Saving…",
  done: "Your password was changed.",
  back: "Back to the dashboard",
  link: "Change password",
  everywhereTitle: "Sign out everywhere",
  everywhereIntro: "If you signed in on someone else's computer, or think someone else uses your account, sign out every device at once (this one too).",
  everywhere: "Sign out everywhere",
  confirmEverywhere: "Sign out on every device? You will need to sign in again.",
  errors: { wrongPassword: "The current password is not correct.", throttled: "Too many attempts. Please try again later." },
};

export const authMessages = { "zh-CN": zh, en };
