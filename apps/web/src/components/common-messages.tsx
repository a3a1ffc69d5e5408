'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { Messages } from '../i18n/messages';

// The shared texts (buttons, states, errors) for client components that sit deep in a tree, such as the
// error boundary. Page-specific texts are passed down as props instead.
const CommonMessages = createContext<Messages['common'] | null>(null);

export function CommonMessagesProvider({ messages, children }: { readonly messages: Messages['common']; readonly children: ReactNode }) {
  return <CommonMessages.Provider value={messages}>{children}</CommonMessages.Provider>;
}

export function useCommonMessages(): Messages['common'] {
  const messages = useContext(CommonMessages);
  if (!messages) throw new Error('useCommonMessages needs a CommonMessagesProvider above it');
  return messages;
}
