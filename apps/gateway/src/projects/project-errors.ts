/**
 * The project service's stable problem codes, by HTTP status, as the endpoints document them. A
 * non-member gets PROJECT_NOT_FOUND, never FORBIDDEN: FORBIDDEN is for members whose role is too low.
 */
export const READ_PROJECT_ERRORS = { 404: ['PROJECT_NOT_FOUND'] };
export const WRITE_PROJECT_ERRORS = { 403: ['FORBIDDEN'], 404: ['PROJECT_NOT_FOUND'] };
export const READ_TASK_ERRORS = { 404: ['PROJECT_NOT_FOUND', 'TASK_NOT_FOUND'] };
export const WRITE_TASK_ERRORS = { 403: ['FORBIDDEN'], 404: ['PROJECT_NOT_FOUND', 'TASK_NOT_FOUND'] };
