/**
 * Where the SMTP password lives. Never in the database in plain text, never in logs, exports
 * or API answers. In the desktop app Electron's safeStorage seals it with the operating
 * system's key store and only the sealed bytes are kept; headless mode has no key store, so
 * the password comes from GOODWILL_SMTP_PASSWORD or is kept in memory for the run.
 */
export type SecretStorage = 'safeStorage' | 'environment' | 'memory';

export interface SecretStore {
  storage: SecretStorage;
  /** A warning for the screen, when the password is not as safe as the owner would expect. */
  warning: string | null;
  /** Seals the password for the database, or null when this store keeps it elsewhere. */
  seal(password: string): Buffer | null;
  /** Reads the password back from what was stored (the sealed bytes, or its own keeping). */
  open(sealed: Buffer | null): string | null;
  /** For stores that keep it themselves: remember or forget it. */
  keep(password: string | null): void;
}

/** Headless mode: the environment's password, else one kept in memory until the app closes. */
export function headlessSecretStore(env: NodeJS.ProcessEnv): SecretStore {
  const fromEnvironment = env.GOODWILL_SMTP_PASSWORD;
  let remembered: string | null = null;
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    return {
      storage: 'environment',
      warning: null,
      seal: () => null,
      open: () => fromEnvironment,
      keep: () => undefined,
    };
  }
  return {
    storage: 'memory',
    warning:
      'Headless mode keeps the mail password in memory only: enter it again after each start, or set GOODWILL_SMTP_PASSWORD.',
    seal: () => null,
    open: () => remembered,
    keep(password) {
      remembered = password;
    },
  };
}

/** The subset of Electron's safeStorage used here, so this file does not import Electron. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/** The desktop app: sealed by the OS key store (Keychain, DPAPI, libsecret). */
export function safeStorageSecretStore(safeStorage: SafeStorageLike): SecretStore {
  const backend =
    process.platform === 'linux' ? (safeStorage.getSelectedStorageBackend?.() ?? '') : '';
  const available = safeStorage.isEncryptionAvailable();
  let remembered: string | null = null;
  if (!available) {
    return {
      ...headlessSecretStore({}),
      warning:
        'This computer offers no secure key store: the mail password is kept in memory for this run only.',
    };
  }
  return {
    storage: 'safeStorage',
    warning:
      backend === 'basic_text'
        ? 'No keyring was found on this Linux desktop, so the saved password is only lightly protected.'
        : null,
    seal: (password) => safeStorage.encryptString(password),
    open: (sealed) => (sealed ? safeStorage.decryptString(sealed) : remembered),
    keep(password) {
      remembered = password;
    },
  };
}
