// Security-related UI text (first-run setup code), in both languages.
import type { Widen } from "../widen";

const zh = {
  setupCode: "设置码",
  setupCodeHint: "启动时打印在服务器终端里（npm start 的输出），例如 ABCD-EFGH-JKMN。",
  setupCodeRequired: "请填写设置码",
  setupCodeInvalid: "设置码不正确。请查看服务器启动时打印的设置码。",
} as const;

const en: Widen<typeof zh> = {
  setupCode: "Setup code",
  setupCodeHint: "Printed in the server's terminal at start (the output of npm start), e.g. ABCD-EFGH-JKMN.",
  setupCodeRequired: "Enter the setup code",
  setupCodeInvalid: "Wrong setup code. Use the one the server printed when it started.",
};

export const securityMessages = { "zh-CN": zh, en };
