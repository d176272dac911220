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
import type { Widen } from "./widen";

// zh-CN is the reference dictionary: every other locale must have exactly these keys.
export const zhCN = {
  app: {
    name: "场景码",
    tagline: "哪位推广者带来了哪位粉丝，一目了然",
  },
  nav: {
    overview: "概览",
    promoters: "推广者",
    leaderboard: "排行榜",
    settings: "公众号设置",
    users: "用户",
    audit: "操作日志",
    apiDocs: "API 文档",
    apiKeys: "API 密钥",
    backfill: "导入粉丝",
    teams: "团队",
    webhooks: "Webhook 推送",
    tags: "自动打标签",
    crosscheck: "数据核对",
    campaigns: "活动",
    applications: "推广者申请",
    settlement: "结算",
    sectionMain: "工作台",
    signOut: "退出登录",
    signedInAs: "当前用户",
    language: "语言",
    openMenu: "打开菜单",
    closeMenu: "关闭菜单",
  },
  roles: {
    admin: "管理员",
    viewer: "只读成员",
  },
  overview: {
    title: "概览",
    welcome: "欢迎使用场景码",
    intro: "为每位推广者生成带参数二维码，粉丝扫码关注后自动归属到推广者，并在排行榜中实时统计。",
    stepsTitle: "开始使用",
    stepAccount: "连接公众号：填写 AppID、AppSecret、Token，并在微信公众平台配置服务器地址。",
    stepPromoters: "添加推广者：系统通过微信接口为每位推广者生成永久二维码。",
    stepTrack: "查看效果：粉丝扫码关注后，排行榜显示新增、取关与净增。",
    statPromoters: "推广者",
    statFollowers: "归属粉丝",
    statAccounts: "已连接公众号",
    database: "数据库",
    pipelineTitle: "事件处理",
    pipelineBacklog: "待归因事件",
    pipelineLag: "归因延迟（最近 1,000 条，p50 / p99）",
    pipelineOk: "正常：微信推送确认后即时归因",
    pipelineLagging: "归因落后 {seconds} 秒：新关注已安全保存，排行榜稍后更新",
    pipelineNoData: "暂无",
  },
  setup: {
    title: "初始化场景码",
    intro: "这是首次启动。请创建第一个管理员账号，之后即可登录管理后台。",
    name: "姓名",
    email: "邮箱",
    password: "密码",
    passwordHint: "至少 10 个字符",
    confirmPassword: "确认密码",
    submit: "创建管理员",
    submitting: "正在创建…",
    alreadyDone: "系统已初始化，请直接登录。",
  },
  login: {
    title: "登录场景码",
    email: "邮箱",
    password: "密码",
    submit: "登录",
    submitting: "正在登录…",
    invalid: "邮箱或密码不正确。",
    throttled: "登录失败次数过多，请 {minutes} 分钟后再试。",
    failed: "登录失败，请稍后重试。",
  },
  accounts: accountsMessages["zh-CN"],
  promoters: promotersMessages["zh-CN"],
  qrcodes: qrcodesMessages["zh-CN"],
  batch: batchMessages["zh-CN"],
  backfill: backfillMessages["zh-CN"],
  links: linksMessages["zh-CN"],
  posters: postersMessages["zh-CN"],
  enrol: enrolMessages["zh-CN"],
  qualified: qualifiedMessages["zh-CN"],
  teams: teamsMessages["zh-CN"],
  webhooks: webhooksMessages["zh-CN"],
  tags: tagsMessages["zh-CN"],
  campaigns: campaignsMessages["zh-CN"],
  settlement: settlementMessages["zh-CN"],
  forward: forwardMessages["zh-CN"],
  followReplies: followRepliesMessages["zh-CN"],
  media: mediaMessages["zh-CN"],
  apiDocs: apiDocsMessages["zh-CN"],
  admin: adminMessages["zh-CN"],
  account: authMessages["zh-CN"],
  leaderboard: leaderboardMessages["zh-CN"],
  cockpit: cockpitMessages["zh-CN"],
  crosscheck: crosscheckMessages["zh-CN"],
  security: securityMessages["zh-CN"],
  signals: signalsMessages["zh-CN"],
  errors: {
    required: "此项必填",
    emailInvalid: "请输入有效的邮箱地址",
    passwordShort: "密码至少 10 个字符",
    passwordLong: "密码不能超过 200 个字符",
    passwordMismatch: "两次输入的密码不一致",
    passwordUnchanged: "新密码不能与当前密码相同",
    nameLong: "姓名不能超过 80 个字符",
    generic: "出错了，请重试。",
    forbidden: "你没有执行此操作的权限。",
    notFound: "页面不存在。",
    backHome: "返回工作台",
  },
} as const;

export type Dictionary = Widen<typeof zhCN>;
