import { wechatErrorHint, type WechatErrorHint } from "../wechat/wechat-error";
import { NETWORK_FAILURE } from "./issue-qrcode";

const NETWORK_HINT: WechatErrorHint = {
  zh: "无法连接微信接口。请检查服务器网络（以及 WECHAT_API_BASE 设置）后重试。",
  en: "WeChat's API could not be reached. Check the server's network (and WECHAT_API_BASE), then try again.",
};

/** What the operator can do about a code's last creation error, in both languages. */
export function qrErrorHint(errcode: number, errmsg = ""): WechatErrorHint {
  return errcode === NETWORK_FAILURE ? NETWORK_HINT : wechatErrorHint(errcode, errmsg);
}
