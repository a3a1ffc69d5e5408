export { startProjectService } from './project-service.js';
export { loadProjectConfig, type ProjectConfig } from './config.js';
