/** The benchmark's baseline registers exactly as many bare components as asked, one root and its children. */
import { describe, expect, it } from "vitest";
import { registerBareComponents } from "../bench/baseline";
import { installMocks, viewsOf } from "./helpers/mocks";

installMocks();

describe("bare-component baseline", () => {
  it("registers the count it is given, all below one root, with no args and no outputs", async () => {
    registerBareComponents(250);
    const views = await viewsOf("bare");
    expect(views).toHaveLength(250);
    const root = views.find((v) => v.name === "bare-root")!;
    expect(views.filter((v) => v.parent === root.urn)).toHaveLength(249);
    expect(views.every((v) => Object.keys(v.props).length === 0)).toBe(true);
  });
});
