// A request body without `@odata.type` that carries a derived type's property is checked as that derived
// type, as Graph reads it: Microsoft's chatMessage example sends `userIdentityType` (a teamworkUserIdentity
// property) on a `mentioned.user` declared `identity`, and Graph answers 201.
import { beforeAll, describe, expect, it } from "vitest";
import { generateFromCsdl, type Mode, type Validate } from "./support/generated-validators.js";

const IDENTITY_CSDL = `
      <EnumType Name="teamworkUserIdentityType">
        <Member Name="aadUser" Value="0" />
        <Member Name="anonymousGuest" Value="1" />
      </EnumType>
      <ComplexType Name="identity">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="id" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="teamworkUserIdentity" BaseType="graph.identity">
        <Property Name="userIdentityType" Type="graph.teamworkUserIdentityType" />
      </ComplexType>
      <ComplexType Name="initiator" BaseType="graph.identity">
        <Property Name="initiatorType" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="mention">
        <Property Name="user" Type="graph.identity" />
      </ComplexType>`;

let validateMention: Validate;

beforeAll(async () => {
  const pkg = await generateFromCsdl(IDENTITY_CSDL);
  validateMention = await pkg.validator("validators/Mention", "Mention");
}, 60_000);

const issues = (user: Record<string, unknown>, mode: Mode): string[][] => {
  const result = validateMention({ user }, { mode });
  return result.ok ? [] : result.errors.map((e) => [e.path, e.message]);
};

describe("a request body without @odata.type, with a derived type's property", () => {
  it("is checked as that derived type (the chatMessage mention Microsoft documents)", () => {
    expect(issues({ displayName: "Jane Smith", id: "ef1c916a", userIdentityType: "aadUser" }, "create")).toEqual([]);
  });

  it("gets that type's checks: a wrong enum value is reported", () => {
    expect(issues({ displayName: "Jane Smith", userIdentityType: "robot" }, "create")).toEqual([
      ["/user/userIdentityType", 'expected microsoft.graph.teamworkUserIdentityType (one of: aadUser, anonymousGuest), received string "robot"'],
    ]);
  });

  it("still rejects a key no allowed type declares, naming the type it was read as", () => {
    expect(issues({ displayName: "Jane Smith", dispalyName: "x" }, "update")).toEqual([
      ["/user/dispalyName", 'unknown property "dispalyName": microsoft.graph.identity is not an open type'],
    ]);
    expect(issues({ userIdentityType: "aadUser", initiatorType: "user" }, "create")).toEqual([
      ["/user/initiatorType", 'unknown property "initiatorType": microsoft.graph.teamworkUserIdentity is not an open type'],
    ]);
  });

  it("with @odata.type naming the base type, gets the base type's checks only", () => {
    expect(issues({ "@odata.type": "#microsoft.graph.identity", userIdentityType: "aadUser" }, "create")).toEqual([
      ["/user/userIdentityType", 'unknown property "userIdentityType": microsoft.graph.identity is not an open type'],
    ]);
  });
});
