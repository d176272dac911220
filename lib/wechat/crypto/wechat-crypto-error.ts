// Why a WeChat message could not be encrypted or decrypted. The reason is short and never carries a key or plaintext.
export class WechatCryptoError extends Error {
  readonly reason: string;

  constructor(reason: string) {
    super(`WeChat message crypto failed: ${reason}`);
    this.name = "WechatCryptoError";
    this.reason = reason;
  }
}
