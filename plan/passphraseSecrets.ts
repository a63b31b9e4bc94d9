/**
 * Secrets of a stack that uses Pulumi's passphrase secrets provider, read as the Pulumi CLI reads them (written from
 * its documented behaviour, with node:crypto): the stack file's `encryptionsalt` is `v1:<base64 salt>:<check value>`,
 * the key is PBKDF2-HMAC-SHA256 of the passphrase with that salt (1,000,000 iterations, 32 bytes), every value is
 * `v1:<base64 12-byte nonce>:<base64 AES-256-GCM ciphertext with its 16-byte tag>`, and the check value decrypts to
 * "pulumi" under the right passphrase. The passphrase comes from PULUMI_CONFIG_PASSPHRASE (set, even empty, it wins)
 * or the file PULUMI_CONFIG_PASSPHRASE_FILE names (its text, whitespace trimmed), as the CLI reads them.
 */
import * as crypto from "node:crypto";
import * as path from "node:path";
import { readInputFile } from "./project";

export const PASSPHRASE_ENV = "PULUMI_CONFIG_PASSPHRASE";
export const PASSPHRASE_FILE_ENV = "PULUMI_CONFIG_PASSPHRASE_FILE";

/** PBKDF2 iterations and key length of Pulumi's passphrase provider. */
const ITERATIONS = 1_000_000;
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** What the encryption salt's check value decrypts to under the right passphrase. */
const CHECK_PLAINTEXT = "pulumi";

/** A secret the checker cannot decrypt: the reason, without any secret in it. */
export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

export interface Passphrase {
  passphrase: string;
  /** The environment variable it came from (named in messages; the passphrase never is). */
  source: typeof PASSPHRASE_ENV | typeof PASSPHRASE_FILE_ENV;
}

/**
 * The passphrase the Pulumi CLI would use without prompting: PULUMI_CONFIG_PASSPHRASE when it is set (an empty value
 * is a passphrase), else the trimmed text of the file PULUMI_CONFIG_PASSPHRASE_FILE names when that is not empty.
 * The file is read safely (a regular file of at most 4 MiB); a problem with it is a UsageError naming the variable.
 */
export function passphraseFromEnv(env: NodeJS.ProcessEnv = process.env): Passphrase | undefined {
  const direct = env[PASSPHRASE_ENV];
  if (direct !== undefined) return { passphrase: direct, source: PASSPHRASE_ENV };
  const file = env[PASSPHRASE_FILE_ENV];
  if (file === undefined || file === "") return undefined;
  const text = readInputFile(path.resolve(file), `${PASSPHRASE_FILE_ENV} ${file}`);
  return { passphrase: text.trim(), source: PASSPHRASE_FILE_ENV };
}

/** Go's base64.StdEncoding: the standard alphabet with padding, nothing else. */
function base64Strict(text: string, what: string): Buffer {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new SecretDecryptionError(`${what} is not base64`);
  return Buffer.from(text, "base64");
}

/** Decrypts values of one passphrase stack (a key derived once). */
export class PassphraseDecrypter {
  private constructor(private readonly key: Buffer) {}

  /**
   * The decrypter for a stack's `encryptionsalt` and a passphrase, or "incorrect" when the passphrase does not open
   * the salt's check value. A malformed salt throws SecretDecryptionError.
   */
  static open(passphrase: string, encryptionSalt: string): PassphraseDecrypter | "incorrect" {
    const parts = encryptionSalt.split(":");
    if (parts.length < 3) throw new SecretDecryptionError("encryptionsalt is not v1:<salt>:<check value>");
    if (parts[0] !== "v1") throw new SecretDecryptionError(`encryptionsalt has version ${JSON.stringify(parts[0])}; the checker reads v1`);
    const salt = base64Strict(parts[1], "encryptionsalt's salt");
    const key = crypto.pbkdf2Sync(Buffer.from(passphrase, "utf8"), salt, ITERATIONS, KEY_BYTES, "sha256");
    const decrypter = new PassphraseDecrypter(key);
    let check: string;
    try {
      check = decrypter.decrypt(parts.slice(2).join(":"));
    } catch {
      return "incorrect";
    }
    return check === CHECK_PLAINTEXT ? decrypter : "incorrect";
  }

  /** A `v1:<nonce>:<ciphertext>` value's plaintext; SecretDecryptionError when it is malformed or does not authenticate. */
  decrypt(value: string): string {
    const parts = value.split(":");
    if (parts.length !== 3) throw new SecretDecryptionError("not v1:<nonce>:<ciphertext>");
    if (parts[0] !== "v1") throw new SecretDecryptionError(`version ${JSON.stringify(parts[0])}; the checker reads v1`);
    const nonce = base64Strict(parts[1], "the nonce");
    const sealed = base64Strict(parts[2], "the ciphertext");
    if (nonce.length !== NONCE_BYTES) throw new SecretDecryptionError(`the nonce is ${nonce.length} bytes, not ${NONCE_BYTES}`);
    if (sealed.length < TAG_BYTES) throw new SecretDecryptionError("the ciphertext is shorter than its authentication tag");
    const decipher = crypto.createDecipheriv("aes-256-gcm", this.key, nonce);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    } catch {
      throw new SecretDecryptionError("it does not authenticate under this stack's key (written for another stack, or altered)");
    }
  }
}
