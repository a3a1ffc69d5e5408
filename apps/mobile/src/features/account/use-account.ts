import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { queryKeys } from '../../api/query-keys';
import { assertOnline } from '../../network/online';
import { useClient } from '../../session/session-provider';
import {
  getPreferences,
  listSessions,
  revokeSession,
  savePreferences,
  updateProfile,
  type NotificationPreferences,
  type ProfileChange,
} from './account-api';

export function useMe() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.me, queryFn: () => client.me() });
}

export function useUpdateProfile() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: ProfileChange) => {
      assertOnline();
      return updateProfile(client, change);
    },
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}

export function usePreferences() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.preferences, queryFn: () => getPreferences(client) });
}

export function useSavePreferences() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (preferences: NotificationPreferences) => {
      assertOnline();
      return savePreferences(client, preferences);
    },
    // The answer, not what was sent: the gateway keeps security emails on whatever was asked.
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.preferences, saved),
  });
}

export function useSessions() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.sessions, queryFn: () => listSessions(client) });
}

export function useRevokeSession() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      assertOnline();
      return revokeSession(client, id);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}
