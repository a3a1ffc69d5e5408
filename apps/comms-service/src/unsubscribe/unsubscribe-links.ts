import type { CommsSettings } from '../comms-settings.js';
import { webLink } from '../templates/email-template.js';

/** The two ways one token unsubscribes: a page in the web app, and the API for RFC 8058 one-click. */
export interface UnsubscribeLinks {
  /** `${webUrl}/unsubscribe?token=…`: in the email's body; the page confirms and calls the API. */
  page: string;
  /** `${apiPublicUrl}/api/v1/unsubscribe?token=…`: the `List-Unsubscribe` header, POSTed by mail clients. */
  oneClick: string;
}

export function unsubscribeLinks(settings: Pick<CommsSettings, 'webUrl' | 'apiPublicUrl'>, token: string): UnsubscribeLinks {
  return {
    page: webLink(settings.webUrl, '/unsubscribe', { token }),
    oneClick: webLink(settings.apiPublicUrl, '/api/v1/unsubscribe', { token }),
  };
}
