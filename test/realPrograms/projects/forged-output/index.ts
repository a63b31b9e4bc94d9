import { failingCampus } from "./campus";

// A name with an HTML tag and a comment shaped like the report's own PR-comment marker.
const campus = failingCampus({ name: "site<img src=x onerror=alert(1)><!-- aicluster-plan:x/prod -->" });

// A line that GitHub Actions would read as an annotation command, and a terminal colour escape.
export const note = "ok\n::error title=forged::x";
export const color = "\u001b[31mred\u001b[0m";
export const pue = campus.pue;
