/**
 * Stack config as the Pulumi CLI would load it: Pulumi.yaml's project config, then Pulumi.<stack>.yaml in its
 * stackConfigDir, then command-line overrides; structured values as JSON text, secrets decrypted with a passphrase
 * (passphrase provider) or passed on as "[secret]", their keys listed so the program reads them as secrets.
 */
import * as fs from "fs";
import * as path from "path";
import { parseStackReference, STACK_REFERENCE_ALLOWED, StackReference, stackShortName } from "../stacks/stackName";
import { UsageError } from "./options";
import { PassphraseDecrypter, passphraseFromEnv, SecretDecryptionError } from "./passphraseSecrets";
import { configValueText, PulumiProject, readPulumiProject, readYamlFile } from "./project";

/** The folder holding Pulumi.yaml above this file (the repository, or the package when run compiled from bin/). */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, "..");
  }
}

/** This repository (its stacks are what `npm run plan` checks). */
export const PROJECT_ROOT = findProjectRoot(path.resolve(__dirname, ".."));

export function readProject(root = PROJECT_ROOT): PulumiProject {
  return readPulumiProject(root);
}

/** A project folder, or the project already read from it (so a run reads Pulumi.yaml once). */
export type ProjectRef = string | PulumiProject;

function projectOf(ref: ProjectRef): PulumiProject {
  return typeof ref === "string" ? readPulumiProject(ref) : ref;
}

/** The folder of the project's Pulumi.<stack>.yaml files (absolute). */
export function configDir(project: PulumiProject): string {
  return path.join(project.dir, project.stackConfigDir);
}

/**
 * The stack's config file (Pulumi.<stack>.yaml, or .yml as the CLI also reads), when it exists. `stack` may be a
 * reference (`acme/dev`, `acme/proj/dev`): the file is named by the stack's own name, as the CLI names it.
 */
export function stackConfigFile(project: PulumiProject, stack: string): string | undefined {
  const name = stackShortName(stack);
  return ["yaml", "yml"].map((ext) => path.join(configDir(project), `Pulumi.${name}.${ext}`)).find((f) => fs.lstatSync(f, { throwIfNoEntry: false }) !== undefined);
}

/** The stack's config file, or where `pulumi config set` would write it when there is none (absolute). */
export function stackConfigPath(project: PulumiProject, stack: string): string {
  return stackConfigFile(project, stack) ?? path.join(configDir(project), `Pulumi.${stackShortName(stack)}.yaml`);
}

/** Stacks that have a config file. */
export function knownStacks(root: ProjectRef = PROJECT_ROOT): string[] {
  const dir = configDir(projectOf(root));
  if (!fs.existsSync(dir)) return [];
  return [...new Set(fs.readdirSync(dir).flatMap((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1] ?? []))].sort();
}

/** Shown instead of a secret's value; what a program under the planner reads for a secret it cannot decrypt. */
export const SECRET_PLACEHOLDER = "[secret]";
/** Shown instead of a plain value of another namespace (it may be a credential: `aws:secretKey` can be plain). */
export const HIDDEN_PLACEHOLDER = "[not shown]";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function isSecure(value: unknown): value is { secure: unknown } {
  return isObject(value) && Object.keys(value).length === 1 && "secure" in value;
}

/** A config key with its namespace: keys without one take the project's, as the Pulumi CLI does. */
export function namespacedKey(key: string, projectName: string): string {
  return key.includes(":") ? key : `${projectName}:${key}`;
}

/** A stack's config as the Pulumi CLI would hand it to the program. */
export interface StackConfig {
  /** Namespaced keys, string values (structured values as JSON text; secrets decrypted, or SECRET_PLACEHOLDER). */
  config: Record<string, string>;
  /** Keys whose values are secret (`secure:` in the stack file, at the top or inside a structured value, or declared `secret: true` in Pulumi.yaml), sorted. */
  secretKeys: string[];
  /** The stack's own name (`dev` for `acme/dev` or `acme/proj/dev`): what `pulumi.getStack()` returns under the CLI. */
  stack: string;
  /** The stack's config file (absolute): the one read, or where `pulumi config set` would write it. */
  file: string;
  /** False when the stack has no config file: the project's defaults and the overrides only. */
  fileExists: boolean;
  /** Whether secure values were decrypted with the passphrase (false: they read as SECRET_PLACEHOLDER). */
  decrypted: boolean;
  /** Things the checker could not do as the CLI would (an ESC environment it cannot open), also sent to `onWarning`. */
  warnings: string[];
}

export interface StackConfigOptions {
  /** Where PULUMI_CONFIG_PASSPHRASE(_FILE) are read. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Called with each warning. @default prints `warning: <message>` to stderr */
  onWarning?: (message: string) => void;
  /** A stack without a config file: run with the project's defaults (as `pulumi preview` does a new stack), or refuse. @default "defaults" */
  missingStackFile?: "defaults" | "error";
  /** Decrypt passphrase secrets when a passphrase is set. @default true */
  decrypt?: boolean;
}

/** Configs returned by loadStackConfigWithSecrets, with their secret keys: printableConfig hides them even when not told. */
const SECRET_KEYS_OF = new WeakMap<Record<string, string>, ReadonlySet<string>>();

/**
 * `dev`, `acme/dev` or `acme/<project>/dev` parsed, with its project (read when given as a folder, after the name is
 * checked): a UsageError when it is none of those, or names another project than the one in Pulumi.yaml.
 */
export function stackReferenceIn(stack: string, root: ProjectRef): { reference: StackReference; project: PulumiProject } {
  const reference = parseStackReference(stack);
  if (!reference) throw new UsageError(`stack name ${JSON.stringify(stack)}: allowed ${STACK_REFERENCE_ALLOWED}`, false);
  const project = projectOf(root);
  if (reference.project !== undefined && reference.project !== project.name) {
    throw new UsageError(
      `stack name ${JSON.stringify(stack)}: project "${reference.project}" is not this project ("${project.name}", the name in Pulumi.yaml); allowed: ${reference.organization}/${project.name}/${reference.name}, ${reference.organization}/${reference.name} or ${reference.name}`,
      false,
    );
  }
  return { reference, project };
}

/**
 * Reads a stack's config as the Pulumi CLI would hand it to the program: Pulumi.yaml's project config, then
 * Pulumi.<stack>.yaml in its stackConfigDir, then `overrides` (`--config`). `stack` may be `dev`, `acme/dev` or
 * `acme/<project>/dev`. Structured values are passed as JSON text. Secure values are decrypted when the stack uses the
 * passphrase provider (`encryptionsalt`) and PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE is set (a
 * wrong passphrase is a UsageError: "incorrect passphrase"); otherwise they read as SECRET_PLACEHOLDER. Either way
 * their keys are in `secretKeys`, for `pulumi.runtime.setAllConfig(config, secretKeys)`.
 */
export function loadStackConfigWithSecrets(stack: string, overrides: Record<string, string> = {}, root: ProjectRef = PROJECT_ROOT, options: StackConfigOptions = {}): StackConfig {
  const { reference, project } = stackReferenceIn(stack, root);
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    (options.onWarning ?? ((m: string) => console.error(`warning: ${m}`)))(message);
  };
  const shown = (f: string) => path.relative(project.dir, f);
  const file = stackConfigFile(project, reference.name);
  const expected = stackConfigPath(project, reference.name);
  const config: Record<string, string> = { ...project.config };
  const secretKeys = new Set<string>((project.secretConfigKeys ?? []).filter((k) => k in config));
  let decrypted = false;
  if (!file) {
    const stacks = knownStacks(project);
    if (options.missingStackFile === "error") {
      throw new UsageError(`no stack "${stack}": no ${shown(expected)}; ${stacks.length > 0 ? `stacks: ${stacks.join(", ")}` : "the project has no stack config files"}`, false);
    }
    // As pulumi preview runs a stack that has no config file yet; said, since a misspelt stack name reads the same.
    warn(
      `no ${shown(expected)}: stack "${reference.name}" runs with Pulumi.yaml's config defaults and --config values only, as pulumi preview runs a new stack (${stacks.length > 0 ? `stacks with a config file: ${stacks.join(", ")}` : "the project has no stack config files"})`,
    );
  } else {
    const name = shown(file);
    const doc = readYamlFile(file, name) ?? {};
    if (!isObject(doc)) throw new UsageError(`${name}: allowed a YAML map with a config: section`, false);
    const section = doc.config ?? {};
    if (!isObject(section)) throw new UsageError(`${name}: config = ${JSON.stringify(section)}; allowed: a map of config keys`, false);
    if (doc.environment !== undefined && doc.environment !== null) warn(environmentWarning(name, doc.environment));
    // Secure values: decrypted with the passphrase when the stack has one and it is given, else the placeholder.
    let decrypter: PassphraseDecrypter | undefined;
    const openSecret = (where: string, secure: unknown): string => {
      if (typeof secure !== "string" || secure === "") throw new UsageError(`${name}: ${where}.secure = ${JSON.stringify(secure)}; allowed: the ciphertext pulumi config set --secret writes`, false);
      decrypter ??= passphraseDecrypterFor(doc, name, options);
      if (!decrypter) return SECRET_PLACEHOLDER;
      try {
        return decrypter.decrypt(secure);
      } catch (e) {
        if (!(e instanceof SecretDecryptionError)) throw e;
        throw new UsageError(`${name}: ${where} cannot be decrypted with this stack's passphrase: ${e.message}; allowed: a value pulumi config set --secret wrote for this stack`, false);
      }
    };
    for (const [rawKey, value] of Object.entries(section)) {
      const key = namespacedKey(rawKey, project.name);
      if (isSecure(value)) {
        config[key] = openSecret(key, value.secure);
        secretKeys.add(key);
      } else if (typeof value === "object" && value !== null) {
        let secret = false;
        const open = (v: unknown, where: string): unknown => {
          if (isSecure(v)) {
            secret = true;
            return openSecret(where, v.secure);
          }
          if (Array.isArray(v)) return v.map((item, i) => open(item, `${where}[${i}]`));
          if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, open(item, `${where}.${k}`)]));
          return v;
        };
        config[key] = configValueText(open(value, key));
        if (secret) secretKeys.add(key);
      } else {
        config[key] = configValueText(value);
      }
    }
    decrypted = decrypter !== undefined;
  }
  for (const [key, value] of Object.entries(overrides)) config[namespacedKey(key, project.name)] = value;
  // An own-namespace secret is never printed in clear, whatever the caller passes printableConfig.
  const result: StackConfig = { config, secretKeys: [...secretKeys].sort(), stack: reference.name, file: expected, fileExists: file !== undefined, decrypted, warnings };
  SECRET_KEYS_OF.set(config, new Set(result.secretKeys));
  return result;
}

/** The passphrase decrypter for a stack file, when it uses the passphrase provider and a passphrase is given. */
function passphraseDecrypterFor(doc: Record<string, unknown>, name: string, options: StackConfigOptions): PassphraseDecrypter | undefined {
  if (options.decrypt === false) return undefined;
  const salt = doc.encryptionsalt;
  const provider = doc.secretsprovider;
  // A cloud provider (awskms://, azurekeyvault://, gcpkms://, hashivault://) or the Pulumi Cloud's own: no passphrase opens those.
  if (typeof salt !== "string" || salt === "" || (provider !== undefined && provider !== null && provider !== "passphrase")) return undefined;
  const given = passphraseFromEnv(options.env ?? process.env);
  if (!given) return undefined;
  let opened: PassphraseDecrypter | "incorrect";
  try {
    opened = PassphraseDecrypter.open(given.passphrase, salt);
  } catch (e) {
    if (!(e instanceof SecretDecryptionError)) throw e;
    throw new UsageError(`${name}: encryptionsalt cannot be read: ${e.message}; allowed: the encryptionsalt pulumi stack init --secrets-provider passphrase writes`, false);
  }
  if (opened === "incorrect") {
    throw new UsageError(`${name}: incorrect passphrase: ${given.source} does not unlock this stack's secrets (its encryptionsalt); allowed: the passphrase the stack was created with, or ${given.source} unset to check with secrets as ${SECRET_PLACEHOLDER}`, false);
  }
  return opened;
}

/** The warning for a stack file's `environment:` block (Pulumi ESC), naming the environments. */
function environmentWarning(name: string, environment: unknown): string {
  const imports = Array.isArray(environment) ? environment : isObject(environment) && Array.isArray(environment.imports) ? environment.imports : undefined;
  const names = imports?.filter((e): e is string => typeof e === "string") ?? [];
  const which = names.length > 0 ? `environment ${names.join(", ")}` : "its environment: block";
  return (
    `${name}: ${which} (Pulumi ESC) is not opened: aicluster check cannot open ESC environments, so config they supply is missing here. ` +
    `Pass those values with --config key=value, or check under the real engine with pulumi preview --policy-pack and the published pack`
  );
}

/**
 * The stack's config (namespaced keys, string values), as loadStackConfigWithSecrets reads it, for callers that need
 * only the values: a stack without a config file is refused (this repository's own stacks all have one), and secure
 * values always read as SECRET_PLACEHOLDER (no passphrase is used, so no decrypted secret can reach a report that
 * does not know the secret keys).
 */
export function loadStackConfig(stack: string, overrides: Record<string, string> = {}, root: ProjectRef = PROJECT_ROOT): Record<string, string> {
  return loadStackConfigWithSecrets(stack, overrides, root, { missingStackFile: "error", decrypt: false }).config;
}

/**
 * Config as a report may print it: the project's keys with their values, other namespaces' keys without theirs, and
 * every secret as SECRET_PLACEHOLDER: the keys in `secretKeys`, those loadStackConfigWithSecrets reported for this
 * config object, and any value that is the placeholder already.
 */
export function printableConfig(config: Record<string, string>, projectName = "aicluster", secretKeys: Iterable<string> = []): Record<string, string> {
  const secret = new Set([...secretKeys, ...(SECRET_KEYS_OF.get(config) ?? [])]);
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      secret.has(key) || value === SECRET_PLACEHOLDER ? SECRET_PLACEHOLDER : key.startsWith(`${projectName}:`) ? value : HIDDEN_PLACEHOLDER,
    ]),
  );
}
