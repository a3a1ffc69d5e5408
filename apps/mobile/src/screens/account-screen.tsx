import { useRouter } from 'expo-router';
import { useEffect, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';

import { describeError, fieldMessages } from '../api/error-messages';
import { AlertMessage } from '../components/alert-message';
import { PrimaryButton } from '../components/primary-button';
import { QueryState } from '../components/query-state';
import { Screen } from '../components/screen';
import { TextField } from '../components/text-field';
import { useMe, useUpdateProfile } from '../features/account/use-account';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session-provider';
import { useTheme } from '../theme';

export function AccountScreen() {
  const t = useT();
  const theme = useTheme();
  const router = useRouter();
  const { signOut } = useSession();
  const me = useMe();
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState('');
  const [signingOut, setSigningOut] = useState(false);
  const fields = fieldMessages(update.error);

  // The field starts from the profile once it arrives (or changes), not from an empty string.
  const loadedName = me.data?.displayName;
  useEffect(() => {
    if (loadedName !== undefined) setDisplayName(loadedName);
  }, [loadedName]);

  const save = () => {
    const name = displayName.trim();
    if (name && name !== loadedName) update.mutate({ displayName: name });
  };

  const leave = async () => {
    setSigningOut(true);
    await signOut();
  };

  return (
    <Screen>
      <QueryState query={me} loadingLabel={t('account.loading')} />
      {me.data !== undefined ? (
        <View style={[styles.card, { backgroundColor: theme.surface, borderColor: theme.border }]}>
          <Text style={[styles.name, { color: theme.text }]}>{me.data.displayName}</Text>
          <Text style={[styles.email, { color: theme.mutedText }]}>{me.data.email}</Text>
          <Text style={[styles.email, { color: theme.mutedText }]}>
            {me.data.emailVerified ? t('account.verified') : t('account.unverified')} ·{' '}
            {me.data.mfaEnabled ? t('account.mfaOn') : t('account.mfaOff')}
          </Text>
        </View>
      ) : null}
      {me.data !== undefined ? (
        <View style={styles.section}>
          <TextField
            label={t('field.displayName')}
            value={displayName}
            onChangeText={setDisplayName}
            error={fields.displayName}
            editable={!update.isPending}
          />
          {update.isError && fields.displayName === undefined ? <AlertMessage message={describeError(update.error, t)} /> : null}
          {update.isSuccess ? <Text style={{ color: theme.mutedText }}>{t('account.saved')}</Text> : null}
          <PrimaryButton
            title={t('account.saveProfile')}
            onPress={save}
            busy={update.isPending}
            disabled={!displayName.trim() || displayName.trim() === loadedName}
          />
        </View>
      ) : null}
      <View style={styles.section}>
        <PrimaryButton title={t('preferences.title')} onPress={() => router.push('/preferences')} variant="outlined" />
        <PrimaryButton title={t('sessions.title')} onPress={() => router.push('/sessions')} variant="outlined" />
        <PrimaryButton title={t('settings.title')} onPress={() => router.push('/settings')} variant="outlined" />
      </View>
      <PrimaryButton title={t('account.signOut')} onPress={leave} busy={signingOut} />
    </Screen>
  );
}

const styles = StyleSheet.create({
  card: { borderWidth: 1, borderRadius: 12, padding: 16, gap: 4 },
  name: { fontSize: 20, fontWeight: '600' },
  email: { fontSize: 15 },
  section: { gap: 10 },
});
