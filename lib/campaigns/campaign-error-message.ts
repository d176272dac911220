import { dictionaryFor, format } from "../i18n/locales";
import type { CampaignInputError } from "./check-overlap";

/** A campaign refusal in plain English, from the dashboard's own messages (for the REST API). */
export function campaignErrorMessage(error: CampaignInputError): string {
  const template = (dictionaryFor("en").campaigns.errors as Record<string, string>)[error.key] ?? error.message;
  return format(template, error.params, "en");
}
