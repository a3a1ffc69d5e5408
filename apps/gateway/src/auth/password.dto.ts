import { z } from 'zod';
import { email, newPassword, opaqueToken } from './auth.dto.js';

export const forgotPasswordBody = z.strictObject({ email });
export const resetPasswordBody = z.strictObject({ token: opaqueToken, newPassword });
// The current password only needs bounds: it is checked, not chosen.
export const changePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(128), newPassword });

export type ForgotPasswordBody = z.output<typeof forgotPasswordBody>;
export type ResetPasswordBody = z.output<typeof resetPasswordBody>;
export type ChangePasswordBody = z.output<typeof changePasswordBody>;
