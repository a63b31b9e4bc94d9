/**
 * Reads `--policy-config <file>` safely: a regular file only (not a device, FIFO or directory), at most
 * MAX_POLICY_CONFIG_BYTES, nested at most MAX_JSON_DEPTH levels, parsed as strict JSON whose errors are reported by
 * line and column without echoing the file's content (the path may be anything a user typed, including a secret
 * file). The parsed config is then checked against every rule's schema by the policy engine, whose errors name the
 * rule, the key and the kind of a bad value, never the value (a credentials file's keys are named, its secrets not).
 */
import { resolvePackConfig, PackConfig } from "../policies/evaluate";
import { RULES } from "../policies/rules";
import { readJsonFile } from "./jsonFile";

export { lineColumn } from "./jsonFile";

export const MAX_POLICY_CONFIG_BYTES = 1024 * 1024;

/** The policy config in `file`, parsed and checked against every rule (a UsageError or PolicyConfigError otherwise). */
export function readPolicyConfigFile(file: string): PackConfig {
  const option = `--policy-config ${file}`;
  const config = readJsonFile(file, option, MAX_POLICY_CONFIG_BYTES, "a JSON file (the --policy-pack-config format)");
  resolvePackConfig(config, RULES, option, false);
  return config as PackConfig;
}
