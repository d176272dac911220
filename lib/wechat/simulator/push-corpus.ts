// Every push WeChat documents for an Official Account's server URL (普通消息 and 事件推送), with the
// field names and shapes of its documentation's examples: the tests send each one through the real
// callback in every mode, and the simulator CLI sends any of them (`simulate --push NAME|corpus`).
import { buildEventXml, type PushedEvent } from "./build-push-body";

export type CorpusInput = { openid: string; createTime: number; toUserName: string; scene?: string };
export type CorpusEntry = {
  msgType: string;
  /** The tracked events attribution reads; every other push is acknowledged and not stored. */
  tracked?: PushedEvent;
  /** The fields after MsgType (for events, from <Event> on). */
  fields?: (input: CorpusInput) => string;
};

const c = (value: string) => `<![CDATA[${value}]]>`;
const msgId = (input: CorpusInput) => `<MsgId>${input.createTime}${input.openid.length % 10}123456</MsgId>`;
const event = (name: string, rest = "") => `<Event>${c(name)}</Event>${rest}`;
const key = (value: string) => `<EventKey>${c(value)}</EventKey>`;
const scanInfo = `<ScanCodeInfo><ScanType>${c("qrcode")}</ScanType><ScanResult>${c("1")}</ScanResult></ScanCodeInfo>`;
const pics = `<SendPicsInfo><Count>1</Count><PicList><item><PicMd5Sum>${c("1b5f7c23b5bf75682a53e7b6d163e185")}</PicMd5Sum></item></PicList></SendPicsInfo>`;
const list = (fields: string[]) => fields.map((f) => `<List>${f}</List>`).join("");

export const PUSH_CORPUS = {
  // Ordinary messages (接收普通消息)
  text: { msgType: "text", fields: (i) => `<Content>${c("this is a test")}</Content>${msgId(i)}<MsgDataId>${c("2247483650")}</MsgDataId><Idx>1</Idx>` },
  image: { msgType: "image", fields: (i) => `<PicUrl>${c("https://mmbiz.qpic.cn/this/is/a/url")}</PicUrl><MediaId>${c("media_id")}</MediaId>${msgId(i)}` },
  voice: { msgType: "voice", fields: (i) => `<MediaId>${c("media_id")}</MediaId><Format>${c("amr")}</Format><Recognition>${c("腾讯微信团队")}</Recognition>${msgId(i)}<MediaId16K>${c("media_id_16k")}</MediaId16K>` },
  video: { msgType: "video", fields: (i) => `<MediaId>${c("media_id")}</MediaId><ThumbMediaId>${c("thumb_media_id")}</ThumbMediaId>${msgId(i)}` },
  shortvideo: { msgType: "shortvideo", fields: (i) => `<MediaId>${c("media_id")}</MediaId><ThumbMediaId>${c("thumb_media_id")}</ThumbMediaId>${msgId(i)}` },
  location: { msgType: "location", fields: (i) => `<Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label>${c("位置信息")}</Label>${msgId(i)}` },
  link: { msgType: "link", fields: (i) => `<Title>${c("公众平台官网链接")}</Title><Description>${c("公众平台官网链接")}</Description><Url>${c("https://mp.weixin.qq.com")}</Url>${msgId(i)}` },
  file: { msgType: "file", fields: (i) => `<Title>${c("report.pdf")}</Title><Description>${c("report.pdf")}</Description><FileKey>${c("file_key")}</FileKey><FileMd5>${c("5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d")}</FileMd5><FileTotalLen>4096</FileTotalLen>${msgId(i)}` },
  // Follows and scans (关注/取消关注, 扫描带参数二维码): the tracked events, as the simulator sends them
  subscribe: { msgType: "event", tracked: "subscribe" },
  unsubscribe: { msgType: "event", tracked: "unsubscribe" },
  SCAN: { msgType: "event", tracked: "SCAN" },
  // Other events (上报地理位置, 自定义菜单事件, 群发与模板消息结果, 订阅通知, 发布, 客服会话)
  LOCATION: { msgType: "event", fields: () => event("LOCATION", "<Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision>") },
  CLICK: { msgType: "event", fields: () => event("CLICK", key("EVENTKEY")) },
  VIEW: { msgType: "event", fields: () => event("VIEW", `${key("https://www.qq.com")}<MenuId>MENUID</MenuId>`) },
  view_miniprogram: { msgType: "event", fields: () => event("view_miniprogram", `${key("pages/index/index")}<MenuId>MENUID</MenuId>`) },
  scancode_push: { msgType: "event", fields: () => event("scancode_push", `${key("6")}${scanInfo}`) },
  scancode_waitmsg: { msgType: "event", fields: () => event("scancode_waitmsg", `${key("6")}${scanInfo}`) },
  pic_sysphoto: { msgType: "event", fields: () => event("pic_sysphoto", `${key("6")}${pics}`) },
  pic_photo_or_album: { msgType: "event", fields: () => event("pic_photo_or_album", `${key("6")}${pics}`) },
  pic_weixin: { msgType: "event", fields: () => event("pic_weixin", `${key("6")}${pics}`) },
  location_select: {
    msgType: "event",
    fields: () => event("location_select", `${key("6")}<SendLocationInfo><Location_X>${c("23")}</Location_X><Location_Y>${c("113")}</Location_Y><Scale>${c("15")}</Scale><Label>${c(" 广州市海珠区客村艺苑路 106号")}</Label><Poiname>${c("")}</Poiname></SendLocationInfo>`),
  },
  MASSSENDJOBFINISH: {
    msgType: "event",
    fields: () =>
      event("MASSSENDJOBFINISH", [
        "<MsgID>1000001625</MsgID>", `<Status>${c("err(30003)")}</Status>`, "<TotalCount>0</TotalCount><FilterCount>0</FilterCount><SentCount>0</SentCount><ErrorCount>0</ErrorCount>",
        "<CopyrightCheckResult><Count>2</Count><ResultList>",
        `<item><ArticleIdx>1</ArticleIdx><UserDeclareState>0</UserDeclareState><AuditState>2</AuditState><OriginalArticleUrl>${c("Url_1")}</OriginalArticleUrl><OriginalArticleType>1</OriginalArticleType><CanReprint>1</CanReprint><NeedReplaceContent>1</NeedReplaceContent><NeedShowReprintSource>1</NeedShowReprintSource></item>`,
        `<item><ArticleIdx>2</ArticleIdx><UserDeclareState>0</UserDeclareState><AuditState>2</AuditState><OriginalArticleUrl>${c("Url_2")}</OriginalArticleUrl><OriginalArticleType>1</OriginalArticleType><CanReprint>1</CanReprint><NeedReplaceContent>1</NeedReplaceContent><NeedShowReprintSource>1</NeedShowReprintSource></item>`,
        "</ResultList><CheckState>2</CheckState></CopyrightCheckResult>",
        `<ArticleUrlResult><Count>1</Count><ResultList><item><ArticleIdx>1</ArticleIdx><ArticleUrl>${c("https://mp.weixin.qq.com/s/example")}</ArticleUrl></item></ResultList></ArticleUrlResult>`,
      ].join("")),
  },
  TEMPLATESENDJOBFINISH: { msgType: "event", fields: () => event("TEMPLATESENDJOBFINISH", `<MsgID>200163836</MsgID><Status>${c("success")}</Status>`) },
  subscribe_msg_popup_event: {
    msgType: "event",
    fields: () =>
      event("subscribe_msg_popup_event", `<SubscribeMsgPopupEvent>${list([
        `<TemplateId>${c("VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc")}</TemplateId><SubscribeStatusString>${c("accept")}</SubscribeStatusString><PopupScene>2</PopupScene>`,
        `<TemplateId>${c("9nLIlbOQZC5Y89AZteFEux3WCXRRRG5Wfzkpssu4bLI")}</TemplateId><SubscribeStatusString>${c("reject")}</SubscribeStatusString><PopupScene>2</PopupScene>`,
      ])}</SubscribeMsgPopupEvent>`),
  },
  subscribe_msg_change_event: {
    msgType: "event",
    fields: () => event("subscribe_msg_change_event", `<SubscribeMsgChangeEvent>${list([`<TemplateId>${c("VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc")}</TemplateId><SubscribeStatusString>${c("reject")}</SubscribeStatusString>`])}</SubscribeMsgChangeEvent>`),
  },
  subscribe_msg_sent_event: {
    msgType: "event",
    fields: () => event("subscribe_msg_sent_event", `<SubscribeMsgSentEvent>${list([`<TemplateId>${c("VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc")}</TemplateId><MsgID>1700827132819554304</MsgID><ErrorCode>0</ErrorCode><ErrorStatus>${c("success")}</ErrorStatus>`])}</SubscribeMsgSentEvent>`),
  },
  PUBLISHJOBFINISH: {
    msgType: "event",
    fields: () => event("PUBLISHJOBFINISH", `<PublishEventInfo><publish_id>2247503051</publish_id><publish_status>0</publish_status><article_id>${c("b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy")}</article_id><article_detail><count>1</count><item><idx>1</idx><article_url>${c("ARTICLE_URL")}</article_url></item></article_detail></PublishEventInfo>`),
  },
  kf_create_session: { msgType: "event", fields: () => event("kf_create_session", `<KfAccount>${c("test1@test")}</KfAccount>`) },
  kf_close_session: { msgType: "event", fields: () => event("kf_close_session", `<KfAccount>${c("test1@test")}</KfAccount>`) },
  kf_switch_session: { msgType: "event", fields: () => event("kf_switch_session", `<FromKfAccount>${c("test1@test")}</FromKfAccount><ToKfAccount>${c("test2@test")}</ToKfAccount>`) },
} satisfies Record<string, CorpusEntry>;

export type CorpusName = keyof typeof PUSH_CORPUS;
export const CORPUS_NAMES = Object.keys(PUSH_CORPUS) as CorpusName[];
export const isCorpusName = (name: string): name is CorpusName => Object.prototype.hasOwnProperty.call(PUSH_CORPUS, name);

/** The plaintext XML of one corpus push, as WeChat would POST it (before any encryption). */
export function buildCorpusXml(name: CorpusName, input: CorpusInput, ticket?: string): string {
  const entry: CorpusEntry = PUSH_CORPUS[name];
  if (entry.tracked) return buildEventXml({ event: entry.tracked, openid: input.openid, scene: input.scene, createTime: input.createTime, toUserName: input.toUserName }, ticket);
  const head = `<ToUserName>${c(input.toUserName)}</ToUserName><FromUserName>${c(input.openid)}</FromUserName><CreateTime>${input.createTime}</CreateTime><MsgType>${c(entry.msgType)}</MsgType>`;
  return `<xml>${head}${entry.fields!(input)}</xml>`;
}
