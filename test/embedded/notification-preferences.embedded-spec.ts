import { notificationPreferencesSuite } from '../notification-preferences-suite.js';
import { generousRateLimits, startEmbedded } from '../platforms.js';

notificationPreferencesSuite('embedded platform', () => startEmbedded(generousRateLimits));
