"use strict";
/**
 * Helpers shared by the action's scripts (action.yml runs them with `node`; plain CommonJS, no dependencies, Node 20+).
 *
 * Every string a user controls (inputs, refs, paths, API answers) is data here: it never reaches a `run:` script
 * (action.yml passes inputs through `env:`), it is never the start of a log line (a line the runner could read as a
 * workflow command), it goes into workflow commands only escaped as GitHub's toolkit escapes (`%`, CR, LF), and into
 * $GITHUB_OUTPUT only in the delimited form with a random delimiter.
 */
const crypto = require("node:crypto");
const fs = require("node:fs");

/** A workflow command's data: `%`, CR and LF escaped (toolkit escapeData). */
function escapeData(text) {
  return String(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: as data, plus `:` and `,` (toolkit escapeProperty). */
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * A user string shown in a log line: JSON-quoted (line breaks and controls as escapes, so it cannot end the line and
 * begin a command on the next), and every `::` shown as `:\:`, so no part of it reads as a workflow command.
 */
function shown(text) {
  return JSON.stringify(String(text)).replace(/::/g, ":\\:");
}

/** A plain log line, always led by `aicluster-action:` (never a workflow command, whatever follows). */
function log(message) {
  process.stdout.write(`aicluster-action: ${message}\n`);
}

/** `::warning title=aicluster::<message>` (or error, notice), the message escaped as data. */
function command(kind, message) {
  process.stdout.write(`::${kind} title=${escapeProperty("aicluster")}::${escapeData(message)}\n`);
}

/**
 * Appends `name` = `value` to $GITHUB_OUTPUT in the delimited form (`name<<delimiter`), the delimiter random, as the
 * toolkit writes outputs: a value with line breaks cannot start another output.
 */
function setOutput(name, value) {
  const file = process.env.GITHUB_OUTPUT;
  const text = String(value);
  if (!file) {
    log(`output ${name} = ${shown(text)} (no GITHUB_OUTPUT file)`);
    return;
  }
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  if (name.includes(delimiter) || text.includes(delimiter)) throw new Error("an output value holds its own delimiter");
  fs.appendFileSync(file, `${name}<<${delimiter}\n${text}\n${delimiter}\n`);
}

/** An input as the action passes it (env AICLUSTER_<NAME>); `"true"`/`"false"` inputs read as booleans. */
function input(name, fallback = "") {
  const value = process.env[`AICLUSTER_${name.toUpperCase().replace(/-/g, "_")}`];
  return value === undefined ? fallback : value.trim();
}

function booleanInput(name, fallback) {
  const value = input(name, fallback ? "true" : "false").toLowerCase();
  if (value === "true") return true;
  if (value === "false" || value === "") return false;
  throw new Error(`input ${name}: allowed "true" or "false", got ${shown(value)}`);
}

/** The project and stack as the checker's PR comment marker spells them (plan/baseline.ts markerName). */
function markerName(s) {
  return String(s).replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 100);
}

/** The marker the checker's Markdown report with a baseline starts with: `<!-- aicluster-plan:<project>/<stack> -->`. */
function commentMarker(project, stack) {
  return `<!-- aicluster-plan:${markerName(project)}/${markerName(stack)} -->`;
}

/** The marker a Markdown report's first line carries, or undefined. */
function markerOf(markdown) {
  const first = markdown.split("\n", 1)[0];
  return /^<!-- aicluster-plan:[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+ -->$/.test(first) ? first : undefined;
}

/**
 * `extra-args` split into arguments: at whitespace, with '…' and "…" grouping (no escapes, no expansion: the
 * arguments go to the checker as they are, never through a shell).
 */
function splitArgs(text) {
  const args = [];
  let current;
  let pending = false;
  let i = 0;
  const src = String(text);
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      if (pending) args.push(current);
      pending = false;
      current = undefined;
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new Error(`input extra-args: an unclosed ${c} quote`);
      current = (current ?? "") + src.slice(i + 1, end);
      pending = true;
      i = end + 1;
      continue;
    }
    current = (current ?? "") + c;
    pending = true;
    i++;
  }
  if (pending) args.push(current);
  return args;
}

module.exports = { escapeData, escapeProperty, shown, log, command, setOutput, input, booleanInput, markerName, commentMarker, markerOf, splitArgs };
