"use strict";
/**
 * The action's comment step (action.yml, step `comment`): on a pull request, creates or updates ONE comment with the
 * check's Markdown report, found by the hidden marker on its first line, `<!-- aicluster-plan:<project>/<stack> -->`.
 * The checker's Markdown with a baseline starts with that marker; without a baseline it does not, and the marker is
 * put first here from the JSON report's project and stack, spelt as the checker spells it.
 *
 * GitHub's REST API through Node's fetch (GITHUB_API_URL honoured, for GitHub Enterprise Server and for tests): list
 * the PR's comments (issue comments, 100 a page), PATCH the first whose body starts with the marker, else POST one.
 * A comment that cannot be written (a fork's read-only token, no `pull-requests: write`) is a warning: the job's
 * outcome is the checker's exit code, which the last step of the action returns.
 */
const fs = require("node:fs");
const { booleanInput, command, commentMarker, input, log, markerOf, setOutput, shown } = require("./lib");

/** Characters GitHub allows in a comment (plan/baseline.ts GITHUB_COMMENT_MAX_CHARS). */
const COMMENT_MAX_CHARS = 65_536;
/** Pages of comments read at most (100 each) before giving up on finding the marker. */
const MAX_PAGES = 50;

/** The pull request number of the event, or undefined (a push, a schedule, an issue comment on an issue). */
function pullRequestNumber(event) {
  const n = event?.pull_request?.number ?? (event?.issue?.pull_request ? event.issue.number : undefined);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The comment's body: the marker first, the report, cut to a note when longer than a comment allows. */
function commentBody(markdown, report) {
  const marker = markerOf(markdown) ?? commentMarker(report.project, report.stack);
  const body = markerOf(markdown) ? markdown : `${marker}\n${markdown}`;
  if (body.length <= COMMENT_MAX_CHARS) return { marker, body };
  // The checker's own headline (its second line, escaped by it), then a note.
  const headline = (markerOf(markdown) ? markdown.split("\n")[1] : markdown.split("\n")[0]) ?? "";
  return { marker, body: `${marker}\n${headline.slice(0, 2000)}\n\n_The aicluster report is longer than a GitHub comment allows: see the job summary and the report files._\n` };
}

async function api(method, url, token, body) {
  const response = await fetch(url, {
    method,
    headers: {
      accept: "application/vnd.github+json",
      authorization: `Bearer ${token}`,
      "x-github-api-version": "2022-11-28",
      "user-agent": "aicluster-action",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const message = typeof json?.message === "string" ? `: ${json.message.slice(0, 200)}` : "";
    throw new Error(`${method} ${new URL(url).pathname} answered HTTP ${response.status}${message}`);
  }
  return json;
}

async function main() {
  if (!booleanInput("comment", true)) return log("comment: off (input comment is false)");
  const eventPath = process.env.GITHUB_EVENT_PATH;
  const event = eventPath && fs.existsSync(eventPath) ? JSON.parse(fs.readFileSync(eventPath, "utf8")) : undefined;
  const number = pullRequestNumber(event);
  if (number === undefined) return log("comment: not a pull request event, no comment");
  const markdownFile = input("markdown-file");
  const jsonFile = input("json-file");
  if (!markdownFile || !fs.existsSync(markdownFile) || !jsonFile || !fs.existsSync(jsonFile)) {
    return log("comment: no report (the check did not run to the end), no comment");
  }
  const repository = process.env.GITHUB_REPOSITORY ?? "";
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) return command("warning", `no PR comment: GITHUB_REPOSITORY ${shown(repository)} is not owner/name`);
  const token = input("github-token");
  if (!token) return command("warning", "no PR comment: the github-token input is empty");
  const apiUrl = (process.env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  const report = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
  const { marker, body } = commentBody(fs.readFileSync(markdownFile, "utf8"), report);

  let existing;
  for (let page = 1; page <= MAX_PAGES && existing === undefined; page++) {
    const comments = await api("GET", `${apiUrl}/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`, token);
    if (!Array.isArray(comments)) throw new Error("the comments list is not an array");
    existing = comments.find((c) => typeof c?.body === "string" && c.body.startsWith(marker) && Number.isInteger(c.id));
    if (comments.length < 100) break;
  }
  const written = existing
    ? await api("PATCH", `${apiUrl}/repos/${repository}/issues/comments/${existing.id}`, token, { body })
    : await api("POST", `${apiUrl}/repos/${repository}/issues/${number}/comments`, token, { body });
  const id = Number.isInteger(written?.id) ? written.id : existing?.id;
  setOutput("comment-id", String(id ?? ""));
  log(`comment: ${existing ? "updated" : "created"} comment ${id ?? "(no id)"} on pull request #${number}`);
}

main().catch((e) => {
  command("warning", `no PR comment: ${e.message} (a pull request from a fork gets a read-only token; the job needs permissions: pull-requests: write)`);
  setOutput("comment-id", "");
});
