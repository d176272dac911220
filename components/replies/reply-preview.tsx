// The keyword rules' preview: the same WeChat chat rendering as the follow replies'.
import { WechatChatPreview, type PreviewImages, type PreviewReply } from "../follow-replies/wechat-chat-preview";

export function ReplyPreview({ draft, emptyLabel, images, accountName = "公" }: { draft: PreviewReply; emptyLabel: string; images?: PreviewImages; accountName?: string }) {
  return <WechatChatPreview reply={draft} images={images} accountName={accountName} emptyLabel={emptyLabel} />;
}
