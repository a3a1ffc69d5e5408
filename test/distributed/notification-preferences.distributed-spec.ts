import { notificationPreferencesSuite } from '../notification-preferences-suite.js';
import { generousRateLimits, startDistributedPlatform } from '../platforms.js';

notificationPreferencesSuite('distributed platform', () => startDistributedPlatform(generousRateLimits));
