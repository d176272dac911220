import { forgetCallbackAccounts } from "./receive/account-cache";
import { forgetSceneReplies } from "./receive/welcome-reply";

/** After an account, promoter or code changed in this process, its callback answers use it at once. */
export function forgetCallbackCaches() {
  forgetCallbackAccounts();
  forgetSceneReplies();
}
