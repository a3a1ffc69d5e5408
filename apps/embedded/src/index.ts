export { startEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform.js';
