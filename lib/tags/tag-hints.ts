// What an operator should do about each WeChat errcode the tag APIs answer (shown beside failed rows and forms).
import { wechatErrorHint, type WechatErrorHint } from "../wechat/wechat-error";

const HINTS: Record<number, WechatErrorHint> = {
  40003: {
    zh: "该用户已不再关注公众号（或不属于本公众号），无法打标签。重新关注后可点「重试」。",
    en: "This person no longer follows the account (or is not one of its followers), so they cannot be tagged. Retry after they follow again.",
  },
  40032: { zh: "一次最多给 50 个用户打标签。", en: "At most 50 followers can be tagged per call." },
  45009: {
    zh: "今日接口调用次数已达上限：本公众号的打标签已暂停，北京时间零点后自动继续。",
    en: "The daily API quota is used up: tagging for this account is paused and resumes by itself after midnight Beijing time.",
  },
  45056: {
    zh: "公众号的标签已达 100 个上限。请在公众平台「用户管理 → 标签」删除不用的标签，或删除这里不再需要的映射，再创建。",
    en: "The account already has 100 tags, WeChat's limit. Delete unused tags in the WeChat console (用户管理 → 标签) or remove a mapping here you no longer need, then create it.",
  },
  45058: { zh: "不能修改微信的系统标签（星标组等）。", en: "WeChat's own tags (such as 星标组) cannot be changed." },
  45059: {
    zh: "该用户的标签已达 20 个上限。请在公众平台「用户管理」中去掉他的一些标签，再点「重试」。",
    en: "This follower already holds 20 tags, WeChat's limit. Remove some of their tags in the WeChat console (用户管理), then retry.",
  },
  45157: {
    zh: "标签名已存在或不合法。请换一个名字。",
    en: "A tag with this name already exists or the name is not allowed. Choose another name.",
  },
  45158: { zh: "标签名最多 30 个字符。", en: "A tag name has at most 30 characters." },
  45159: {
    zh: "微信中已没有这个标签（可能在公众平台被删除）。请删除这个映射后重新创建。",
    en: "WeChat no longer has this tag (it may have been deleted in the console). Delete this mapping and create it again.",
  },
};

/** The tag-specific advice for an errcode, or WeChat's general one. */
export function tagErrorHint(errcode: number, errmsg = ""): WechatErrorHint {
  return HINTS[errcode] ?? wechatErrorHint(errcode, errmsg);
}
