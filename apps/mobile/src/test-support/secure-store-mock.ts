// An in-memory stand-in for expo-secure-store: jest-expo's automatic native mocks return undefined,
// which would make every stored session look empty. Tests install it with jest.mock and can inspect
// both the calls and what ended up stored.
export function createSecureStoreMock() {
  const values = new Map<string, string>();
  return {
    values,
    getItemAsync: jest.fn(async (key: string) => values.get(key) ?? null),
    setItemAsync: jest.fn(async (key: string, value: string) => {
      values.set(key, value);
    }),
    deleteItemAsync: jest.fn(async (key: string) => {
      values.delete(key);
    }),
  };
}

export type SecureStoreMock = ReturnType<typeof createSecureStoreMock>;
