// Generated from the gateway's OpenAPI document by scripts/generate-api-client.mjs. Do not edit.
export type paths = {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys that verify access tokens (JWKS) */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API documentation as a web page */
        get: operations["docs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["openApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Events that failed every retry, oldest first, from every consuming service
         * @description Dead letters stay where they are until re-driven, so there is no cursor: `nextCursor` is always null. Requires the `admin` role.
         */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters/{id}/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand a dead letter back to its queue with a fresh retry budget
         * @description Only the queue it failed in gets it again. Accepted once re-queued; the handler runs later. Requires the `admin` role.
         */
        post: operations["redriveDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The email delivery log, newest first
         * @description Requires the `admin` role.
         */
        get: operations["listEmailDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/emails/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a logged email again: a new delivery with the same content is queued
         * @description Answers the new delivery; the logged one is left as it was. Honours `Idempotency-Key`, so a retried request queues one email. Requires the `admin` role.
         */
        post: operations["resendEmailDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every payment, newest first, filtered by status and project
         * @description Requires the `admin` role.
         */
        get: operations["listAllPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/{paymentId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a payment, all of what is left or `amount` of it (minor units)
         * @description Never more than was captured: pending refunds count against what is left. Honours `Idempotency-Key` in the gateway and the ledger, so a retried request refunds once. A refund the payment gateway has not confirmed yet is answered `pending`. Requires the `admin` role.
         */
        post: operations["refundPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search, filter and page through all projects
         * @description `q` matches part of the name or the key in any case; newest first; deleted projects are not listed. Requires the `admin` role.
         */
        get: operations["listAllProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One project with its owner, plan, member and task counts
         * @description Requires the `admin` role.
         */
        get: operations["getAdminProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/signing-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the token signing key now
         * @description New tokens carry the new `kid`; older keys stay in the JWKS until every token they signed has expired. Requires the `admin` role.
         */
        post: operations["rotateSigningKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search, filter and page through all users
         * @description `q` matches part of the email or display name in any case; newest first. Requires the `admin` role.
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user's full picture: profile, account status and roles, sessions and projects counts
         * @description Requires the `admin` role.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Force logout: end every session of an account at once
         * @description Requires the `admin` role.
         */
        post: operations["logoutUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an account's platform roles
         * @description An administrator cannot change their own roles (422). Requires the `admin` role.
         */
        put: operations["setUserRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend an account: every session ends at once and sign-in is refused
         * @description An administrator cannot suspend their own account (422 `CANNOT_CHANGE_OWN_ACCOUNT`). Requires the `admin` role.
         */
        post: operations["suspendUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/unsuspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift a suspension: the account may sign in again
         * @description An administrator cannot change their own account (422). Requires the `admin` role.
         */
        post: operations["unsuspendUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Answers tokens, or `{ mfaRequired: true, mfaToken }` when the account has MFA (then call /api/v1/auth/mfa/verify). Wrong credentials are 401 whether or not the email exists; repeated failures are 429 with `Retry-After`.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of a refresh token */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Turn TOTP off, proven with a current TOTP or recovery code
         * @description A wrong code is 401 `INVALID_MFA_CODE`; an account without TOTP is 422 `MFA_NOT_ENROLLED`.
         */
        delete: operations["disableTotp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate TOTP with a first code; answers the recovery codes, shown only once
         * @description A wrong code is 401 `INVALID_MFA_CODE`; without a pending enrolment, or with TOTP already active, 422.
         */
        post: operations["confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/totp/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start TOTP enrolment: a new secret, inactive until confirmed
         * @description An account that already has TOTP is 422 `MFA_ALREADY_ENABLED`.
         */
        post: operations["enrollTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete an MFA sign-in with a TOTP or recovery code
         * @description A wrong code, or an expired or used MFA token, is 401; repeated failures are 429 with `Retry-After`.
         */
        post: operations["verifyMfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the caller's password, proven with the current one
         * @description A wrong current password is 401 `INVALID_CREDENTIALS`; a new password the policy rejects is 400.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a single-use password reset link
         * @description Answers 202 whether or not the email has an account, so the answer reveals nothing.
         */
        post: operations["forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the token from the reset email; every session ends
         * @description An unknown, used or expired token, or a password the policy rejects (e.g. a common one), is 400.
         */
        post: operations["resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for new tokens; the old refresh token stops working */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account; a verification email is sent */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active sessions of the caller (devices signed in) */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        /** End every session of the caller except the current one ("sign out other devices") */
        delete: operations["revokeOtherSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one session of the caller; its tokens stop working at once
         * @description Another user's session is 404, like one that does not exist.
         */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify an email address with the token from the verification email */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation sent to the caller's email address; answers the project joined
         * @description A token that is unknown, used, revoked or expired, or an invitation sent to another address, is 404 `INVITATION_NOT_FOUND`. A caller who already is a member keeps their role.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user: account and profile */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /**
         * Delete the caller's account, confirmed with the password
         * @description Credentials and sessions end at once; the profile and memberships are removed or anonymised as the services process the deletion, hence 202. A wrong password is 400 `VALIDATION_FAILED` naming the `password` field, as for a password change: a 401 would tell the client its session had ended.
         */
        delete: operations["deleteMe"];
        options?: never;
        head?: never;
        /**
         * Change the caller's profile; only the fields sent change
         * @description `avatarUrl` null or "" removes the avatar. The answer is the updated `me`.
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything the platform holds about the caller, as one JSON document */
        get: operations["exportMyData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's email notification preferences per category */
        get: operations["getNotificationPreferences"];
        /**
         * Replace the caller's email notification preferences
         * @description Security emails cannot be turned off: the answer shows them on whatever was sent. An unknown category is 400.
         */
        put: operations["replaceNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's in-app notifications, newest first */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of the caller’s notifications read
         * @description Marking a read notification again changes nothing. Another user’s notification is 404.
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{paymentId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a payment with a payment method (project owners and admins)
         * @description Answers the payment: `succeeded`, `processing`, `failed` (declined), or `unknown` when the payment gateway did not answer in time (it is settled shortly; the list of payments shows the outcome). A payment no longer pending is answered as it is.
         */
        post: operations["confirmPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every plan with its monthly price (minor units) and limits per project */
        get: operations["listPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Projects the caller is a member of, newest first */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create a project owned by the caller
         * @description The key is unique across the platform: a taken key is 409. Honours `Idempotency-Key`.
         */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One project of the caller
         * @description A project the caller is not a member of is 404, like one that does not exist.
         */
        get: operations["getProject"];
        put?: never;
        post?: never;
        /** Delete a project (owners only) */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        /**
         * Rename, describe, archive or unarchive a project (project admins and owners)
         * @description Only the fields sent change.
         */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/api/v1/projects/{projectId}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What happened in a project, newest first */
        get: operations["listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start paying for a plan (project owners and admins): a pending payment with one payment intent
         * @description Honours `Idempotency-Key`, in the gateway and in the ledger: the same key and body answer the same payment, another body is 422. One payment at a time per project (409 PAYMENT_IN_PROGRESS). 503 when the payment gateway did not answer: retry with the same key.
         */
        post: operations["checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The open invitations of a project (project admins and owners) */
        get: operations["listInvitations"];
        put?: never;
        /**
         * Invite someone by email (project admins and owners); the invitee gets a single-use link
         * @description The invitee may not have an account yet. Someone already a member is 409. Honours `Idempotency-Key`.
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation: its link stops working (project admins and owners) */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members of a project with their roles */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member (project admins and owners), or leave (the caller's own id)
         * @description The last owner can neither leave nor be removed (422 `LAST_OWNER`).
         */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role (project admins and owners)
         * @description The last owner keeps the owner role (422 `LAST_OWNER`).
         */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/api/v1/projects/{projectId}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments of a project, newest first (its members) */
        get: operations["listProjectPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks of a project, filtered by status, assignee or words */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task (members, admins and owners); it gets the next number of the project
         * @description Status and priority may be left out for their defaults. Answers the ETag. Honours `Idempotency-Key`.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task, with its version as the ETag */
        get: operations["getTask"];
        put?: never;
        post?: never;
        /** Delete a task; its number is never given to another task */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /**
         * Change a task, based on the version last read (optimistic concurrency)
         * @description Send the version as `If-Match` (the ETag, e.g. `"3"`) or as `version` in the body; without one the answer is 428, and 409 `VERSION_CONFLICT` when the task changed since. Only the fields sent change: `assigneeId: null` unassigns, `dueDate: null` clears, `labels` replaces all labels.
         */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/api/v1/projects/{projectId}/tasks/{taskId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comments on a task */
        get: operations["listComments"];
        put?: never;
        /**
         * Comment on a task (members, admins and owners)
         * @description Honours `Idempotency-Key`.
         */
        post: operations["createComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn off the email category an unsubscribe token names (RFC 8058 one-click)
         * @description No sign-in: the signed token alone says who and what. Mail clients POST the form `List-Unsubscribe=One-Click`; an empty or JSON body works too. Unsubscribing again changes nothing.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Webhook of the payment gateway (Stripe-compatible): signed raw JSON body
         * @description Verified on the raw body with the `Stripe-Signature` header (HMAC and timestamp tolerance): a bad signature or an old timestamp is 400 and changes nothing. Each event applies once, whatever the number or order of deliveries.
         */
        post: operations["receivePaymentWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: every backend service answers its gRPC health check */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** Problem */
        Problem: {
            /** @description Stable machine-readable code, e.g. `EMAIL_TAKEN` */
            code: string;
            /** @description Also sent as `X-Request-Id`; quote it when reporting a problem */
            correlationId: string;
            /** @description A human-readable explanation of this occurrence */
            detail: string;
            /** @description Field problems of a 400/422; `path` names the field, dots for nesting */
            errors?: {
                message: string;
                path: string;
            }[];
            status: number;
            /** @description The HTTP status text */
            title: string;
            /** @description A URI naming the kind of problem; `about:blank` for plain HTTP errors */
            type: string;
        };
    };
    responses: {
        /** @description Bad Request */
        Problem400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Unauthorized */
        Problem401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Forbidden */
        Problem403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not Found */
        Problem404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Conflict */
        Problem409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Unprocessable Entity */
        Problem422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Precondition Required */
        Problem428: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too Many Requests */
        Problem429: {
            headers: {
                /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                "RateLimit-Limit"?: number;
                /** @description Requests left in the window (gateway limits only) */
                "RateLimit-Remaining"?: number;
                /** @description Seconds until the window resets (gateway limits only) */
                "RateLimit-Reset"?: number;
                /** @description Seconds to wait before trying again */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Internal Server Error */
        Problem500: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Service Unavailable */
        Problem503: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    docs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attempts: number;
                            /** @description null when the broker dead-lettered the message by itself */
                            deadLetteredAt: string | null;
                            eventId: string;
                            /** @description null when the message is not a readable event */
                            eventType: string | null;
                            /** @description `<queue>:<event id>`, unique across queues */
                            id: string;
                            /** @description The message as JSON, or its text when it is not JSON */
                            payload: unknown;
                            /** @description The consuming service queue the event failed in */
                            queue: string;
                            /** @description What the last failed attempt threw */
                            reason: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redriveDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: DEAD_LETTER_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEmailDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            lastError: string | null;
                            sentAt: string | null;
                            /** @description queued, sent or failed */
                            status: string;
                            template: string;
                            to: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendEmailDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key the client chooses per operation (a UUID is ideal); a repeat with the same key and body answers the first response */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        lastError: string | null;
                        sentAt: string | null;
                        /** @description queued, sent or failed */
                        status: string;
                        template: string;
                        to: string;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: DELIVERY_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: IDEMPOTENCY_KEY_IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAllPayments: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                projectId?: string;
                status?: "pending" | "processing" | "succeeded" | "failed" | "refunded" | "unknown";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description In the currency's minor unit (cents) */
                            amount: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            currency: string;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            payerId: string;
                            /** @enum {string} */
                            planId: "free" | "pro" | "business";
                            /** Format: uuid */
                            projectId: string;
                            receiptNumber: string | null;
                            /** @description In the currency's minor unit (cents) */
                            refundedAmount: number;
                            /**
                             * @description unknown: a call to the payment gateway got no answer; it is settled against the gateway shortly, never failed by guess
                             * @enum {string}
                             */
                            status: "pending" | "processing" | "succeeded" | "failed" | "refunded" | "unknown";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key the client chooses per operation (a UUID is ideal); a repeat with the same key and body answers the first response */
                "Idempotency-Key"?: string;
            };
            path: {
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Minor units; left out, whatever is left is refunded */
                    amount?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description In the currency's minor unit (cents) */
                        amount: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        payment: {
                            /** @description In the currency's minor unit (cents) */
                            amount: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            currency: string;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            payerId: string;
                            /** @enum {string} */
                            planId: "free" | "pro" | "business";
                            /** Format: uuid */
                            projectId: string;
                            receiptNumber: string | null;
                            /** @description In the currency's minor unit (cents) */
                            refundedAmount: number;
                            /**
                             * @description unknown: a call to the payment gateway got no answer; it is settled against the gateway shortly, never failed by guess
                             * @enum {string}
                             */
                            status: "pending" | "processing" | "succeeded" | "failed" | "refunded" | "unknown";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        };
                        /** Format: uuid */
                        paymentId: string;
                        /**
                         * @description pending: the payment gateway has not answered yet; it is retried with the same key
                         * @enum {string}
                         */
                        status: "pending" | "succeeded" | "failed";
                    };
                };
            };
            /** @description Bad Request — `code`: REFUND_TOO_LARGE, VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PAYMENT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: PAYMENT_NOT_REFUNDABLE, REFUND_REJECTED, IDEMPOTENCY_KEY_IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAllProjects: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                plan?: "free" | "pro" | "business";
                /** @description Part of the name or the key, in any case */
                q?: string;
                /** @description active: not archived */
                status?: "active" | "archived";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            archived: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            key: string;
                            membersCount: number;
                            name: string;
                            /** @description The longest-standing owner; null only if the project has none */
                            owner: {
                                displayName: string | null;
                                email: string | null;
                                /** Format: uuid */
                                id: string;
                            } | null;
                            /** @enum {string} */
                            plan: "free" | "pro" | "business";
                            /** @description Live (not deleted) tasks */
                            tasksCount: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAdminProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        description: string;
                        /** Format: uuid */
                        id: string;
                        key: string;
                        membersCount: number;
                        name: string;
                        /** @description The longest-standing owner; null only if the project has none */
                        owner: {
                            displayName: string | null;
                            email: string | null;
                            /** Format: uuid */
                            id: string;
                        } | null;
                        /** @enum {string} */
                        plan: "free" | "pro" | "business";
                        /** @description Live (not deleted) tasks */
                        tasksCount: number;
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateSigningKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The key id new access tokens are signed with */
                        kid: string;
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description Part of the email or display name, in any case */
                q?: string;
                role?: "customer" | "admin";
                status?: "active" | "suspended" | "deleted";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            emailVerified: boolean;
                            /** Format: uuid */
                            id: string;
                            roles: string[];
                            /** @enum {string} */
                            status: "active" | "suspended" | "deleted";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        avatarUrl: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        displayName: string;
                        email: string;
                        emailVerified: boolean;
                        /** Format: uuid */
                        id: string;
                        /** @description null when the profile is gone with a deleted account */
                        locale: string | null;
                        mfaEnabled: boolean;
                        projectsCount: number;
                        roles: string[];
                        /** @description Live sessions; 0 for a deleted account */
                        sessionsCount: number;
                        /** @enum {string} */
                        status: "active" | "suspended" | "deleted";
                        timezone: string | null;
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: USER_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logoutUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: ACCOUNT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setUserRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles: ("customer" | "admin")[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        /** Format: email */
                        email: string;
                        emailVerified: boolean;
                        /** Format: uuid */
                        id: string;
                        mfaEnabled: boolean;
                        roles: string[];
                        /** @enum {string} */
                        status: "active" | "suspended";
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: ACCOUNT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: CANNOT_CHANGE_OWN_ACCOUNT */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    suspendUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: ACCOUNT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: CANNOT_CHANGE_OWN_ACCOUNT */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsuspendUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: ACCOUNT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Problem422"];
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                    } | {
                        /** @constant */
                        mfaRequired: true;
                        /** @description Pass to POST /api/v1/auth/mfa/verify with a TOTP or recovery code */
                        mfaToken: string;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: ACCOUNT_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: TOO_MANY_ATTEMPTS, RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    disableTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: MFA_NOT_ENROLLED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Single-use codes for when the authenticator is lost; shown only this once */
                        recoveryCodes: string[];
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: MFA_ALREADY_ENABLED, MFA_NOT_ENROLLED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    enrollTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description `otpauth://totp/…`, for a QR code */
                        otpauthUrl: string;
                        /** @description Base32, for typing into an authenticator app */
                        secret: string;
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: MFA_ALREADY_ENABLED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyMfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    mfaToken: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: INVALID_MFA_TOKEN, INVALID_MFA_CODE */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: ACCOUNT_SUSPENDED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: TOO_MANY_ATTEMPTS, RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    forgotPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newPassword: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request — `code`: INVALID_TOKEN, VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires */
                        expiresIn: number;
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: INVALID_REFRESH_TOKEN */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName: string;
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: EMAIL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /** @description True for the session of the token making this request */
                            current: boolean;
                            /** Format: uuid */
                            id: string;
                            ip: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            lastUsedAt: string;
                            /** @description As the client sent it at sign-in; null when it sent none */
                            userAgent: string | null;
                        }[];
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeOtherSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: SESSION_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request — `code`: INVALID_TOKEN, VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        description: string;
                        /** Format: uuid */
                        id: string;
                        key: string;
                        name: string;
                        /** @description free, pro or business */
                        plan: string;
                        /**
                         * @description The caller's role in the project
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "member" | "viewer";
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: INVITATION_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: PROJECT_ARCHIVED, PLAN_LIMIT_REACHED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        avatarUrl: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        displayName: string;
                        /** Format: email */
                        email: string;
                        emailVerified: boolean;
                        /** Format: uuid */
                        id: string;
                        locale: string;
                        mfaEnabled: boolean;
                        roles: string[];
                        timezone: string;
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description null or "" removes the avatar */
                    avatarUrl?: string | null;
                    displayName?: string;
                    locale?: string;
                    timezone?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        avatarUrl: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        displayName: string;
                        /** Format: email */
                        email: string;
                        emailVerified: boolean;
                        /** Format: uuid */
                        id: string;
                        locale: string;
                        mfaEnabled: boolean;
                        roles: string[];
                        timezone: string;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROFILE_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportMyData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        exportedAt: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Category → whether emails of that category are sent */
                        email: {
                            [key: string]: boolean;
                        };
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROFILE_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Category → whether emails of that category are sent */
                    email: {
                        [key: string]: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Category → whether emails of that category are sent */
                        email: {
                            [key: string]: boolean;
                        };
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROFILE_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description `true`: only unread notifications */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            body: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @description Where the web app shows the subject, e.g. /projects/<id>/tasks/WEB-42 */
                            link: string | null;
                            readAt: string | null;
                            title: string;
                            /** @description The event kind, e.g. task.assigned, project.invited, payment.succeeded */
                            type: string;
                        }[];
                        nextCursor: string | null;
                        /** @description Unread notifications of the caller in all, not only on this page */
                        unreadCount: number;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: NOTIFICATION_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key the client chooses per operation (a UUID is ideal); a repeat with the same key and body answers the first response */
                "Idempotency-Key"?: string;
            };
            path: {
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A payment method id; in development the sandbox test cards, e.g. pm_card_visa */
                    paymentMethod: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description In the currency's minor unit (cents) */
                        amount: number;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        currency: string;
                        failureReason: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        payerId: string;
                        /** @enum {string} */
                        planId: "free" | "pro" | "business";
                        /** Format: uuid */
                        projectId: string;
                        receiptNumber: string | null;
                        /** @description In the currency's minor unit (cents) */
                        refundedAmount: number;
                        /**
                         * @description unknown: a call to the payment gateway got no answer; it is settled against the gateway shortly, never failed by guess
                         * @enum {string}
                         */
                        status: "pending" | "processing" | "succeeded" | "failed" | "refunded" | "unknown";
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PAYMENT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: PAYMENT_IN_PROGRESS, IDEMPOTENCY_KEY_IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: PAYMENT_GATEWAY_UNAVAILABLE, AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            id: "free" | "pro" | "business";
                            /** @constant */
                            interval: "month";
                            limits: {
                                /** @description Members per project; null: no limit */
                                members: number | null;
                                /** @description Live tasks per project; null: no limit */
                                tasks: number | null;
                            };
                            name: string;
                            price: {
                                /** @description In the currency's minor unit (cents) */
                                amount: number;
                                /** @description ISO 4217, lower case, e.g. eur */
                                currency: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            archived: boolean;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            key: string;
                            name: string;
                            /** @description free, pro or business */
                            plan: string;
                            /**
                             * @description The caller's role in the project
                             * @enum {string}
                             */
                            role: "owner" | "admin" | "member" | "viewer";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key the client chooses per operation (a UUID is ideal); a repeat with the same key and body answers the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    key: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        description: string;
                        /** Format: uuid */
                        id: string;
                        key: string;
                        name: string;
                        /** @description free, pro or business */
                        plan: string;
                        /**
                         * @description The caller's role in the project
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "member" | "viewer";
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: PROJECT_KEY_TAKEN, IDEMPOTENCY_KEY_IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        description: string;
                        /** Format: uuid */
                        id: string;
                        key: string;
                        name: string;
                        /** @description free, pro or business */
                        plan: string;
                        /**
                         * @description The caller's role in the project
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "member" | "viewer";
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    archived?: boolean;
                    description?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        description: string;
                        /** Format: uuid */
                        id: string;
                        key: string;
                        name: string;
                        /** @description free, pro or business */
                        plan: string;
                        /**
                         * @description The caller's role in the project
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "member" | "viewer";
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: PROJECT_ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listActivity: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description e.g. task.created, task.status_changed, member.invited */
                            action: string;
                            /** Format: uuid */
                            actorId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /** @description Details of the change; their fields depend on the action */
                            data: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            id: string;
                            /** @description What it happened to, e.g. WEB-42 or a user id */
                            subject: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkout: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key the client chooses per operation (a UUID is ideal); a repeat with the same key and body answers the first response */
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    planId: "pro" | "business";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The payment intent's client secret, for confirming on the client */
                        clientSecret: string;
                        /** Format: uuid */
                        paymentId: string;
                        /** @enum {string} */
                        status: "pending" | "processing" | "succeeded" | "failed" | "refunded" | "unknown";
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: ALREADY_ON_PLAN, PAYMENT_IN_PROGRESS, PROJECT_ARCHIVED, IDEMPOTENCY_KEY_IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: PAYMENT_GATEWAY_UNAVAILABLE, AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /** Format: email */
                            email: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            role: "admin" | "member" | "viewer";
                        }[];
                        /** @description Always null: the open invitations of a project come in one page */
                        nextCursor: null;
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key the client chooses per operation (a UUID is ideal); a repeat with the same key and body answers the first response */
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    role: "admin" | "member" | "viewer";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        /** Format: email */
                        email: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        expiresAt: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        role: "admin" | "member" | "viewer";
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: ALREADY_MEMBER, PROJECT_ARCHIVED, IDEMPOTENCY_KEY_IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitationId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, INVITATION_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            displayName: string;
                            /** Format: email */
                            email: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            joinedAt: string;
                            /** @enum {string} */
                            role: "owner" | "admin" | "member" | "viewer";
                            /** Format: uuid */
                            userId: string;
                        }[];
                        /** @description Always null: the members of a project come in one page */
                        nextCursor: null;
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, MEMBER_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: LAST_OWNER */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Making someone owner shares ownership; the last owner cannot step down
                     * @enum {string}
                     */
                    role: "owner" | "admin" | "member" | "viewer";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        displayName: string;
                        /** Format: email */
                        email: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        joinedAt: string;
                        /** @enum {string} */
                        role: "owner" | "admin" | "member" | "viewer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, MEMBER_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: PROJECT_ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: LAST_OWNER */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProjectPayments: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description In the currency's minor unit (cents) */
                            amount: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            currency: string;
                            failureReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            payerId: string;
                            /** @enum {string} */
                            planId: "free" | "pro" | "business";
                            /** Format: uuid */
                            projectId: string;
                            receiptNumber: string | null;
                            /** @description In the currency's minor unit (cents) */
                            refundedAmount: number;
                            /**
                             * @description unknown: a call to the payment gateway got no answer; it is settled against the gateway shortly, never failed by guess
                             * @enum {string}
                             */
                            status: "pending" | "processing" | "succeeded" | "failed" | "refunded" | "unknown";
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                assigneeId?: string;
                cursor?: string;
                limit?: number;
                /** @description Words to find in titles and descriptions */
                q?: string;
                status?: "backlog" | "todo" | "in_progress" | "done" | "cancelled";
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            assigneeId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            description: string;
                            dueDate: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description Project key and number, e.g. WEB-42 */
                            key: string;
                            labels: string[];
                            number: number;
                            /** @enum {string} */
                            priority: "none" | "low" | "medium" | "high" | "urgent";
                            /** @enum {string} */
                            status: "backlog" | "todo" | "in_progress" | "done" | "cancelled";
                            title: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            updatedAt: string;
                            /** @description Also the ETag; send it back as If-Match to change the task */
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key the client chooses per operation (a UUID is ideal); a repeat with the same key and body answers the first response */
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A member of the project; null for nobody */
                    assigneeId?: string | null;
                    /** @description Markdown */
                    description?: string;
                    /** @description YYYY-MM-DD; null for none */
                    dueDate?: string | null;
                    labels?: string[];
                    /**
                     * @description The project service's default when left out (none)
                     * @enum {string}
                     */
                    priority?: "none" | "low" | "medium" | "high" | "urgent";
                    /**
                     * @description The project service's default when left out (todo)
                     * @enum {string}
                     */
                    status?: "backlog" | "todo" | "in_progress" | "done" | "cancelled";
                    title: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assigneeId: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        description: string;
                        dueDate: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description Project key and number, e.g. WEB-42 */
                        key: string;
                        labels: string[];
                        number: number;
                        /** @enum {string} */
                        priority: "none" | "low" | "medium" | "high" | "urgent";
                        /** @enum {string} */
                        status: "backlog" | "todo" | "in_progress" | "done" | "cancelled";
                        title: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                        /** @description Also the ETag; send it back as If-Match to change the task */
                        version: number;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: PROJECT_ARCHIVED, PLAN_LIMIT_REACHED, IDEMPOTENCY_KEY_IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assigneeId: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        description: string;
                        dueDate: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description Project key and number, e.g. WEB-42 */
                        key: string;
                        labels: string[];
                        number: number;
                        /** @enum {string} */
                        priority: "none" | "low" | "medium" | "high" | "urgent";
                        /** @enum {string} */
                        status: "backlog" | "todo" | "in_progress" | "done" | "cancelled";
                        title: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                        /** @description Also the ETag; send it back as If-Match to change the task */
                        version: number;
                    };
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, TASK_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No Content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, TASK_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: PROJECT_ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description The task version the change is based on (its ETag); or send `version` in the body */
                "If-Match"?: string;
            };
            path: {
                projectId: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A member of the project; null for nobody */
                    assigneeId?: string | null;
                    /** @description Markdown */
                    description?: string;
                    /** @description YYYY-MM-DD; null for none */
                    dueDate?: string | null;
                    /** @description Replaces all labels; [] removes them */
                    labels?: string[];
                    /** @enum {string} */
                    priority?: "none" | "low" | "medium" | "high" | "urgent";
                    /** @enum {string} */
                    status?: "backlog" | "todo" | "in_progress" | "done" | "cancelled";
                    title?: string;
                    /** @description The version the change is based on, if not sent as If-Match */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        assigneeId: string | null;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        description: string;
                        dueDate: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description Project key and number, e.g. WEB-42 */
                        key: string;
                        labels: string[];
                        number: number;
                        /** @enum {string} */
                        priority: "none" | "low" | "medium" | "high" | "urgent";
                        /** @enum {string} */
                        status: "backlog" | "todo" | "in_progress" | "done" | "cancelled";
                        title: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        updatedAt: string;
                        /** @description Also the ETag; send it back as If-Match to change the task */
                        version: number;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, TASK_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: VERSION_CONFLICT, PROJECT_ARCHIVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required — `code`: PRECONDITION_REQUIRED */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listComments: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                projectId: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            authorId: string;
                            body: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601, UTC
                             */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, TASK_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key the client chooses per operation (a UUID is ideal); a repeat with the same key and body answers the first response */
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Markdown */
                    body: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        authorId: string;
                        body: string;
                        /**
                         * Format: date-time
                         * @description ISO 8601, UTC
                         */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                    };
                };
            };
            /** @description Bad Request — `code`: VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized — `code`: UNAUTHENTICATED, SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden — `code`: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found — `code`: PROJECT_NOT_FOUND, TASK_NOT_FOUND, NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict — `code`: PROJECT_ARCHIVED, IDEMPOTENCY_KEY_IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Entity — `code`: IDEMPOTENCY_KEY_REUSED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable — `code`: AUTH_UNAVAILABLE, UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unsubscribe: {
        parameters: {
            query: {
                /** @description The signed token from the email's link */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @constant */
                    "List-Unsubscribe"?: "One-Click";
                };
                "application/x-www-form-urlencoded": {
                    /** @constant */
                    "List-Unsubscribe"?: "One-Click";
                };
                "multipart/form-data": {
                    /** @constant */
                    "List-Unsubscribe"?: "One-Click";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The email category that is now off, e.g. tasks */
                        category: string;
                        /** @description The address the email went to */
                        email: string;
                    };
                };
            };
            /** @description Bad Request — `code`: INVALID_TOKEN, VALIDATION_FAILED, MALFORMED_JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receivePaymentWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The payment gateway’s signature of the raw body (t=…,v1=…) */
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        received: true;
                    };
                };
            };
            /** @description Bad Request — `code`: INVALID_SIGNATURE, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "ok" | "down";
                            };
                        };
                        /** @enum {string} */
                        status: "ok" | "down";
                    };
                };
            };
            /** @description Too Many Requests — `code`: RATE_LIMITED */
            429: {
                headers: {
                    /** @description Requests allowed per window by the exhausted limit (gateway limits only) */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window (gateway limits only) */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets (gateway limits only) */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal Server Error — `code`: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A backend service is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "ok" | "down";
                            };
                        };
                        /** @enum {string} */
                        status: "ok" | "down";
                    };
                };
            };
        };
    };
}
