import { useRouter } from 'expo-router';
import { useState } from 'react';

import { AlertMessage } from '../components/alert-message';
import { AuthLayout } from '../components/auth-layout';
import { PrimaryButton } from '../components/primary-button';
import { TextField } from '../components/text-field';
import { TextLink } from '../components/text-link';
import { EmailField, PasswordField } from '../features/auth/auth-fields';
import { useFormSubmit } from '../features/auth/use-form-submit';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session-provider';

/** Password policy the gateway enforces; checked here too so the common mistake costs no round trip. */
const MIN_PASSWORD_LENGTH = 8;

export function SignUpScreen() {
  const t = useT();
  const router = useRouter();
  const { client } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormSubmit();

  const signUp = () =>
    form.submit(
      () => ({
        displayName: displayName.trim() ? undefined : t('signUp.nameMissing'),
        email: email.trim() ? undefined : t('signIn.emailMissing'),
        password: password.length >= MIN_PASSWORD_LENGTH ? undefined : t('signUp.passwordShort', { min: MIN_PASSWORD_LENGTH }),
      }),
      async () => {
        await client.register({ displayName: displayName.trim(), email: email.trim(), password });
        router.replace({ pathname: '/check-email', params: { email: email.trim() } });
      },
    );

  return (
    <AuthLayout title={t('signUp.title')}>
      <TextField
        label={t('field.displayName')}
        value={displayName}
        onChangeText={setDisplayName}
        error={form.fieldErrors.displayName}
        editable={!form.pending}
        autoComplete="name"
        textContentType="name"
      />
      <EmailField form={form} value={email} onChangeText={setEmail} textContentType="username" />
      <PasswordField form={form} purpose="new" value={password} onChangeText={setPassword} onSubmitEditing={signUp} />
      {form.generalError ? <AlertMessage message={form.generalError} /> : null}
      <PrimaryButton title={t('signUp.submit')} onPress={signUp} busy={form.pending} />
      <TextLink title={t('signUp.toSignIn')} href="/sign-in" replace />
    </AuthLayout>
  );
}
