import { describe, expect, it } from "vitest";
import { moduleSpecifier } from "../../generator/emit/imports.js";

describe("moduleSpecifier", () => {
  it("names a module in the same folder with ./", () => {
    expect(moduleSpecifier("models/microsoft/graph/User", "models/microsoft/graph/Entity")).toBe("./Entity.js");
    expect(moduleSpecifier("index", "edm")).toBe("./edm.js");
  });

  it("climbs one ../ per folder left and goes down into the other's folders", () => {
    expect(moduleSpecifier("models/microsoft/graph/callRecords/CallRecord", "models/microsoft/graph/Entity")).toBe("../Entity.js");
    expect(moduleSpecifier("models/microsoft/graph/User", "models/microsoft/graph/callRecords/CallRecord")).toBe("./callRecords/CallRecord.js");
    expect(moduleSpecifier("validators/microsoft/graph/user", "runtime/validation")).toBe("../../../runtime/validation.js");
    expect(moduleSpecifier("index", "models/microsoft/graph/index")).toBe("./models/microsoft/graph/index.js");
  });

  it("shares only whole folder names, not a common prefix of them", () => {
    expect(moduleSpecifier("models/a/X", "models/ab/Y")).toBe("../ab/Y.js");
    expect(moduleSpecifier("models/ab/X", "models/a/Y")).toBe("../a/Y.js");
    expect(moduleSpecifier("a/b", "a/bc")).toBe("./bc.js");
    expect(moduleSpecifier("a/bc/X", "a/b")).toBe("../b.js");
    expect(moduleSpecifier("a/b/X", "a/b")).toBe("../b.js");
  });
});
