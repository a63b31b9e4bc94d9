"use strict";
/**
 * The action's check step (action.yml, step `check`): optionally the base branch's JSON report (a git worktree of
 * `base-ref`, `npm ci` there, `aicluster check --format json --soft-fail`), then the check of the checked-out program
 * in the formats CI reads (sarif, json, markdown, github) into `output-dir`, with the base report as `--baseline`.
 *
 * It always ends with exit 0 once it has recorded the checker's exit code as the step output `exit-code`: the SARIF
 * upload and the PR comment run after it, and the action's last step exits with that code. Inputs arrive as
 * environment variables (AICLUSTER_<INPUT>), never interpolated into a script.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { booleanInput, command, input, log, setOutput, shown, splitArgs } = require("./lib");

/** Runs a command with its output captured; returns { code, output }. Never through a shell. */
function capture(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, npm_config_update_notifier: "false" } });
  return { code: r.status ?? 128, output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error.message) : ""}` };
}

/** Shows captured output of a tool (git, npm) in the log, each line led by a prefix: no line of it can be a workflow command. */
function showOutput(label, output) {
  const lines = output.split(/\r?\n/).filter((l) => l.trim() !== "").slice(-40);
  for (const line of lines) log(`${label} | ${line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}`);
}

/** Runs `npx --no-install aicluster check ...` with the log as its output (the checker escapes its own output); returns the exit code. */
function checker(args, cwd) {
  const r = spawnSync("npx", ["--no-install", "aicluster", "check", ...args], { cwd, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, npm_config_update_notifier: "false" } });
  if (r.error) {
    command("error", `npx could not be started: ${r.error.message}`);
    return 3;
  }
  return r.status ?? 3;
}

/** The commit `ref` names: origin's branch of that name first (what actions/checkout fetches), then the ref as given, then a fetch from origin. */
function resolveBase(ref, cwd) {
  for (const candidate of [`refs/remotes/origin/${ref}`, ref]) {
    const r = capture("git", ["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`], cwd);
    if (r.code === 0) return r.output.trim();
  }
  const fetched = capture("git", ["fetch", "--no-tags", "--quiet", "origin", ref], cwd);
  if (fetched.code === 0) {
    const r = capture("git", ["rev-parse", "--verify", "--quiet", "FETCH_HEAD^{commit}"], cwd);
    if (r.code === 0) return r.output.trim();
  }
  return undefined;
}

/**
 * The base branch's JSON report, written to `outFile`; returns true when it was written. Every failure is a warning
 * and the head run goes on without a baseline.
 */
function baseReport(options) {
  const { ref, workDir, outFile, stack, policyConfig, engine, extra } = options;
  const without = (why) => {
    command("warning", `no baseline from base-ref ${shown(ref)}: ${why}; the check runs without a baseline`);
    return false;
  };
  if (ref.startsWith("-") || /[\u0000-\u001f\u007f]/.test(ref)) return without("not a git ref (it starts with - or holds control characters)");
  const top = capture("git", ["rev-parse", "--show-toplevel"], workDir);
  if (top.code !== 0) return without("working-directory is not in a git repository (check out with actions/checkout first)");
  const root = fs.realpathSync(top.output.trim());
  const relative = path.relative(root, fs.realpathSync(workDir));
  const commit = resolveBase(ref, workDir);
  if (!commit) return without("no such commit (with actions/checkout, fetch-depth: 0 fetches the base branch)");
  const temp = fs.mkdtempSync(path.join(process.env.RUNNER_TEMP || os.tmpdir(), "aicluster-base-"));
  const tree = path.join(temp, "tree");
  const added = capture("git", ["worktree", "add", "--detach", "--quiet", tree, commit], workDir);
  try {
    if (added.code !== 0) {
      showOutput("git worktree add", added.output);
      return without("git worktree add failed");
    }
    log(`base report: ${shown(ref)} at ${commit.slice(0, 12)}, in a worktree at ${shown(tree)}`);
    const program = path.join(tree, relative);
    if (!fs.existsSync(path.join(program, "Pulumi.yaml")) && !fs.existsSync(path.join(program, "Pulumi.yml"))) {
      return without(`the base has no Pulumi project in ${shown(relative || ".")}`);
    }
    // npm ci where the program's package.json is: its folder, else the nearest one above it in the worktree.
    let pkg = program;
    while (!fs.existsSync(path.join(pkg, "package.json")) && path.relative(tree, pkg) !== "") pkg = path.dirname(pkg);
    if (!fs.existsSync(path.join(pkg, "package.json"))) return without("the base has no package.json for the program");
    log(`base report: npm ci in ${shown(path.relative(tree, pkg) || ".")}`);
    const ci = capture("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], pkg);
    if (ci.code !== 0) {
      showOutput("npm ci", ci.output);
      return without(`npm ci failed (exit ${ci.code})`);
    }
    // The base's own policy config at the same path when it has one (the base as it was), else the head's.
    const args = [...(engine ? ["--engine"] : []), ".", "--stack", stack, "--format", "json", "--out", outFile, "--soft-fail"];
    if (policyConfig) {
      const inRepo = path.relative(root, policyConfig);
      const basePolicy = !inRepo.startsWith("..") && !path.isAbsolute(inRepo) ? path.join(tree, inRepo) : undefined;
      args.push("--policy-config", basePolicy && fs.existsSync(basePolicy) ? basePolicy : policyConfig);
    }
    args.push(...extra);
    const code = checker(args, program);
    if (code !== 0 || !fs.existsSync(outFile)) {
      const meaning = code === 2 ? " (bad input)" : code === 3 ? " (the program failed or the checker crashed)" : "";
      return without(`the base run ended with exit ${code}${meaning}`);
    }
    return true;
  } finally {
    capture("git", ["worktree", "remove", "--force", tree], workDir);
    fs.rmSync(temp, { recursive: true, force: true });
    capture("git", ["worktree", "prune"], workDir);
  }
}

function main() {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const workDir = path.resolve(workspace, input("working-directory", ".") || ".");
  const outDir = path.resolve(workDir, input("output-dir", "aicluster-reports") || "aicluster-reports");
  const stack = input("stack");
  setOutput("report-dir", outDir);
  const fail = (code, message) => {
    command("error", message);
    setOutput("exit-code", String(code));
    setOutput("verdict", "error");
    setOutput("sarif-file", "");
  };
  let engine;
  let extra;
  try {
    engine = booleanInput("engine", false);
    extra = splitArgs(input("extra-args"));
  } catch (e) {
    return fail(2, e.message);
  }
  if (!stack) return fail(2, "input stack: required (the stack whose config the check reads, e.g. dev)");
  if (!fs.existsSync(workDir) || !fs.statSync(workDir).isDirectory()) return fail(2, `input working-directory ${shown(path.relative(workspace, workDir) || ".")}: not a folder`);
  // The checker names its files by the stack's own name: acme/dev and acme/project/dev are the stack dev.
  const name = stack.split("/").pop();
  const file = (ext) => path.join(outDir, `aicluster-${name}.${ext}`);
  fs.mkdirSync(outDir, { recursive: true });
  // A runner reused between jobs may hold an earlier run's files: none of them may pass for this run's.
  for (const ext of ["sarif", "json", "md", "base.json"]) fs.rmSync(file(ext), { force: true });

  const policyInput = input("policy-config");
  const policyConfig = policyInput ? path.resolve(workDir, policyInput) : undefined;
  const baseRef = input("base-ref");
  const baseFile = file("base.json");
  const baseline = baseRef ? baseReport({ ref: baseRef, workDir, outFile: baseFile, stack, policyConfig, engine, extra }) : false;

  const args = [...(engine ? ["--engine"] : []), ".", "--stack", stack, "--format", "sarif,json,markdown,github", "--output-dir", outDir];
  if (policyConfig) args.push("--policy-config", policyConfig);
  if (baseline) args.push("--baseline", baseFile);
  args.push(...extra);
  const code = checker(args, workDir);

  let verdict = "error";
  if ((code === 0 || code === 1) && fs.existsSync(file("json"))) {
    const report = JSON.parse(fs.readFileSync(file("json"), "utf8"));
    if (report.verdict === "pass" || report.verdict === "fail") verdict = report.verdict;
  }
  setOutput("exit-code", String(code));
  setOutput("verdict", verdict);
  setOutput("sarif-file", fs.existsSync(file("sarif")) ? file("sarif") : "");
  setOutput("markdown-file", fs.existsSync(file("md")) ? file("md") : "");
  setOutput("json-file", fs.existsSync(file("json")) ? file("json") : "");
  setOutput("baseline-file", baseline ? baseFile : "");
  log(`the check ended with exit ${code}, verdict ${verdict}${baseline ? ", compared with the base report" : ""}; reports in ${shown(outDir)}`);
}

main();
