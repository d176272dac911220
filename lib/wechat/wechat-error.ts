// Errors from WeChat's API, with what the operator should do about each (shown in the dashboard and CLI).

export type WechatErrorHint = { zh: string; en: string };

const REFRESH: WechatErrorHint = {
  zh: "access_token 无效或已过期。场景码会自动刷新并重试；若持续出现，请检查 AppSecret 是否正确，以及是否有其他系统在强制刷新同一公众号的 access_token。",
  en: "The access token is invalid or expired. Scenecode refreshes it and retries; if this persists, check the AppSecret and whether another system force-refreshes this account's token.",
};

const HINTS: Record<number, WechatErrorHint> = {
  [-1]: { zh: "微信系统繁忙，请稍后再试。", en: "WeChat is busy. Try again in a moment." },
  40001: REFRESH,
  40014: REFRESH,
  42001: REFRESH,
  41001: { zh: "请求缺少 access_token，请重试。", en: "The request carried no access token. Try again." },
  40002: { zh: "grant_type 不正确。", en: "Invalid grant_type." },
  40003: { zh: "OpenID 无效：该用户不属于这个公众号。", en: "Invalid OpenID: this user does not belong to this account." },
  40013: {
    zh: "AppID 无效。请在公众平台「设置与开发 → 基本配置」中重新复制 AppID（wx 开头，共 18 位）。",
    en: "Invalid AppID. Copy it again from 设置与开发 → 基本配置 (Settings & Development → Basic configuration); it starts with wx and has 18 characters.",
  },
  40125: {
    zh: "AppSecret 无效。请在「设置与开发 → 基本配置」中重置或重新复制 AppSecret，并在场景码中更新。",
    en: "Invalid AppSecret. Reset or copy it again under 设置与开发 → 基本配置 (Basic configuration), then update it in Scenecode.",
  },
  40243: {
    zh: "AppSecret 已被冻结，请在「设置与开发 → 基本配置」中解冻后重试。",
    en: "The AppSecret is frozen. Unfreeze it under 设置与开发 → 基本配置 (Basic configuration), then try again.",
  },
  40164: {
    zh: "本服务器的 IP 不在公众号的 IP 白名单中。请在「设置与开发 → 基本配置 → IP白名单」中添加本服务器的出口 IP。",
    en: "This server's IP address is not in the account's IP whitelist. Add it under 设置与开发 → 基本配置 → IP白名单 (Basic configuration → IP whitelist).",
  },
  40053: { zh: "二维码参数无效（action_name 或 scene）。", en: "Invalid QR code request (action_name or scene)." },
  40032: { zh: "一次最多查询 100 个用户。", en: "At most 100 users can be looked up per request." },
  41002: { zh: "缺少 AppID。", en: "The AppID is missing." },
  41004: { zh: "缺少 AppSecret。", en: "The AppSecret is missing." },
  44002: { zh: "请求内容为空。", en: "The request body was empty." },
  47001: { zh: "请求内容格式错误。", en: "The request body is malformed." },
  45009: {
    zh: "今日接口调用次数已达上限。请明天再试（北京时间零点重置），或在公众平台中重置接口调用次数（每月限 10 次）。",
    en: "The daily API quota is used up. Wait until tomorrow (it resets at midnight Beijing time) or reset the quota in the WeChat console (10 resets a month).",
  },
  45011: { zh: "接口调用过于频繁，请稍候再试。", en: "Too many calls in a short time. Wait a minute and try again." },
  48001: {
    zh: "该公众号没有此接口权限。带参数二维码需要已认证的服务号（已认证服务号），或使用测试号。",
    en: "This account is not authorized for the API. Parametric QR codes need a verified service account (已认证服务号) or a test account (测试号).",
  },
  61500: { zh: "日期格式错误，应为 YYYY-MM-DD。", en: "The date is malformed; it must be YYYY-MM-DD." },
  61501: {
    zh: "日期范围超出微信数据接口的允许范围：每次最多 7 天，结束日期最晚为昨天（昨天的数据约在北京时间 8 点后提供），且不能早于微信保留数据的最早日期。",
    en: "The date range is outside what WeChat's statistics API allows: at most 7 days per call, ending yesterday at the latest (yesterday's figures arrive after about 08:00 Beijing time), and not before the earliest day WeChat keeps.",
  },
  76021: { zh: "该接口路径（cgi_path）不存在或不支持查询额度。", en: "That API path (cgi_path) does not exist or has no quota to query." },
  40004: { zh: "素材类型不合法，请上传图片。", en: "Invalid media type: upload an image." },
  40005: { zh: "文件类型不合法：永久图片素材只支持 JPG 或 PNG，请转换格式后重新上传。", en: "Invalid file type: permanent images must be JPG or PNG. Convert the file and upload it again." },
  40007: { zh: "media_id 无效：该素材不存在或已在公众平台删除，请重新上传图片并在回复中重新选择。", en: "Invalid media_id: the image does not exist or was deleted in the WeChat console. Upload it again and pick it again in the reply." },
  40009: { zh: "图片大小不合法：请上传不超过 10 MB 的图片。", en: "Invalid image size: upload an image of at most 10 MB." },
  45001: { zh: "文件过大：永久图片素材最大 10 MB，请压缩后重新上传。", en: "The file is too large: permanent images are at most 10 MB. Compress it and upload it again." },
  45007: { zh: "永久素材数量已达上限（图片最多 100,000 个），请在素材库中删除不用的图片。", en: "The permanent media limit is reached (100,000 images). Delete unused images from the library." },
  50002: { zh: "公众号被限制或接口被封禁，请在公众平台查看通知。", en: "The account or API is restricted. Check the notices in the WeChat console." },
};

/** What to do about a WeChat errcode, in Chinese and English; errmsg (when given) adds the rejected IP for 40164. */
export function wechatErrorHint(errcode: number, errmsg = ""): WechatErrorHint {
  const hint = HINTS[errcode];
  if (errcode === 40164 && hint) {
    const ip = /invalid ip ([0-9a-fA-F.:]+)/.exec(errmsg)?.[1];
    if (ip) return { zh: `${hint.zh}（当前 IP：${ip}）`, en: `${hint.en} (current IP: ${ip})` };
  }
  return hint ?? { zh: `微信接口返回错误码 ${errcode}，请查阅微信全局返回码说明。`, en: `WeChat returned error code ${errcode}; look it up in WeChat's global error code list.` };
}

export class WechatApiError extends Error {
  readonly errcode: number;
  readonly errmsg: string;

  constructor(errcode: number, errmsg: string, path?: string) {
    super(`WeChat API error ${errcode}${path ? ` on ${path}` : ""}: ${errmsg}`);
    this.name = "WechatApiError";
    this.errcode = errcode;
    this.errmsg = errmsg;
  }

  get hint(): WechatErrorHint {
    return wechatErrorHint(this.errcode, this.errmsg);
  }
}

/** WeChat's API could not be reached or answered something that is not its JSON (timeout, HTTP error, HTML page). */
export class WechatNetworkError extends Error {
  readonly baseUrl: string;

  constructor(baseUrl: string, detail: string) {
    super(`WeChat's API could not be reached at ${baseUrl}: ${detail}`);
    this.name = "WechatNetworkError";
    this.baseUrl = baseUrl;
  }
}
