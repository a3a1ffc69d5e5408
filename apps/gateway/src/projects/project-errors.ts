/**
 * The project service's stable problem codes, by HTTP status, as the endpoints document them. A
 * non-member gets PROJECT_NOT_FOUND, never FORBIDDEN: FORBIDDEN is for members whose role is too low.
 */
export const READ_PROJECT_ERRORS = { 404: ['PROJECT_NOT_FOUND'] };
export const WRITE_PROJECT_ERRORS = { 403: ['FORBIDDEN'], 404: ['PROJECT_NOT_FOUND'] };
export const READ_TASK_ERRORS = { 404: ['PROJECT_NOT_FOUND', 'TASK_NOT_FOUND'] };
export const WRITE_TASK_ERRORS = { 403: ['FORBIDDEN'], 404: ['PROJECT_NOT_FOUND', 'TASK_NOT_FOUND'] };

/** Archived projects are read-only: changing anything in one is 409 until it is unarchived. */
export const ARCHIVED = 'PROJECT_ARCHIVED';
export const CHANGE_PROJECT_CONTENT_ERRORS = { ...WRITE_PROJECT_ERRORS, 409: [ARCHIVED] };
export const CHANGE_TASK_ERRORS = { ...WRITE_TASK_ERRORS, 409: [ARCHIVED] };
