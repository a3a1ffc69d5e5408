'use server';

import { redirect } from 'next/navigation';
import { getI18n } from '../../../i18n/server';
import { projectsApi } from '../../../lib/api/projects';
import { redirectIfSignedOut, requireCaller } from '../../../lib/caller';
import { problemToFormState, textField, type FormState } from '../../../lib/form-state';
import { keyAfter } from '../../../lib/idempotency';

const FIELDS = ['name', 'key', 'description'] as const;
export type CreateProjectField = (typeof FIELDS)[number];
export interface CreateProjectState extends FormState<CreateProjectField> {
  readonly idempotencyKey: string;
}

const KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;

export async function createProject(previous: CreateProjectState, formData: FormData): Promise<CreateProjectState> {
  const { m } = await getI18n();
  const t = m.workspace.projects;
  const name = textField(formData, 'name').trim();
  const key = textField(formData, 'key').trim().toUpperCase();
  const description = textField(formData, 'description').trim();
  const values = { name, key, description };
  const fieldErrors = {
    ...(name === '' && { name: t.enterName }),
    ...(key === '' ? { key: t.enterKey } : !KEY_PATTERN.test(key) && { key: t.keyFormat }),
  };
  if (Object.keys(fieldErrors).length > 0) return { ...previous, formError: null, fieldErrors, values };

  const caller = await requireCaller();
  const idempotencyKey = textField(formData, 'idempotencyKey') || previous.idempotencyKey;
  const result = await projectsApi.create(caller, { name, key, ...(description && { description }) }, idempotencyKey);
  if (!result.ok) {
    redirectIfSignedOut(result.problem);
    const next = keyAfter(result, idempotencyKey);
    if (result.problem.code === 'PROJECT_KEY_TAKEN') {
      return { idempotencyKey: next, formError: null, fieldErrors: { key: t.keyTaken }, values };
    }
    return { idempotencyKey: next, ...problemToFormState(result.problem, FIELDS, values, m.common) };
  }
  redirect(`/projects/${result.data.id}`);
}
