import { test } from "node:test";
import assert from "node:assert/strict";
import { roleAt, careerLine, roleProblems, londonDay, pastRoles, type AuthorRoles, type RoleSpan } from "../../../lib/authors/roles.ts";

const TOM: AuthorRoles = {
  role: "Public sector editor",
  organisation: "Gov Tech News",
  roles: [
    { role: "Service owner", organisation: "Cabinet Office", from: "2016-04-01", to: "2022-03-31" },
    { role: "Senior reporter", organisation: "Gov Tech News", from: "2022-05-03", to: "2025-12-31" },
    { role: "Public sector editor", organisation: "Gov Tech News", from: "2026-01-01" },
  ],
};

const roleCases: Array<{ name: string; author: AuthorRoles; at: string; expected: string }> = [
  { name: "no history: the current role", author: { role: "Editor", organisation: "O" }, at: "2020-01-01T00:00:00Z", expected: "Editor" },
  { name: "empty history: the current role", author: { role: "Editor", organisation: "O", roles: [] }, at: "2020-01-01T00:00:00Z", expected: "Editor" },
  { name: "first day of a role (inclusive)", author: TOM, at: "2016-04-01T00:00:00+01:00", expected: "Service owner" },
  { name: "last day of a role (inclusive), late evening London time", author: TOM, at: "2022-03-31T23:30:00+01:00", expected: "Service owner" },
  { name: "a UTC time that is already the next day in London", author: TOM, at: "2025-12-31T23:59:00Z", expected: "Senior reporter" },
  { name: "London midnight starts the new role", author: TOM, at: "2026-01-01T00:00:00Z", expected: "Public sector editor" },
  { name: "open-ended role, years later", author: TOM, at: "2030-06-01T12:00:00Z", expected: "Public sector editor" },
  { name: "a gap between roles: the current role", author: TOM, at: "2022-04-15T12:00:00+01:00", expected: "Public sector editor" },
  { name: "before any recorded role: the current role", author: TOM, at: "2010-01-01T12:00:00Z", expected: "Public sector editor" },
];
for (const c of roleCases) {
  test(`roleAt: ${c.name}`, () => {
    assert.equal(roleAt(c.author, Date.parse(c.at)).role, c.expected);
  });
}

test("roleAt returns the organisation held with the role", () => {
  assert.deepEqual(roleAt(TOM, Date.parse("2019-01-01T12:00:00Z")), { role: "Service owner", organisation: "Cabinet Office" });
});

test("londonDay uses London's calendar across the clock changes", () => {
  assert.equal(londonDay(Date.parse("2026-03-29T00:30:00Z")), "2026-03-29");
  assert.equal(londonDay(Date.parse("2026-08-16T23:30:00Z")), "2026-08-17");
  assert.equal(londonDay(Date.parse("2026-10-25T23:30:00Z")), "2026-10-25");
});

test("careerLine: past roles newest first, then what they do now", () => {
  assert.equal(careerLine(TOM), "Formerly Senior reporter at Gov Tech News; Service owner at Cabinet Office; now Public sector editor at Gov Tech News.");
  assert.equal(careerLine({ role: "Editor", organisation: "O" }), undefined);
  assert.equal(careerLine({ role: "Editor", organisation: "O", roles: [{ role: "Editor", organisation: "O", from: "2020-01-01" }] }), undefined);
});

test("pastRoles leaves out the open role", () => {
  assert.deepEqual(
    pastRoles(TOM).map((r) => r.role),
    ["Senior reporter", "Service owner"],
  );
});

const problemCases: Array<{ name: string; roles: RoleSpan[]; expected: Array<[string, string]> }> = [
  { name: "a clean history", roles: TOM.roles!, expected: [] },
  { name: "no history", roles: [], expected: [] },
  {
    name: "ends before it starts",
    roles: [{ role: "A", organisation: "O", from: "2020-05-01", to: "2020-04-01" }],
    expected: [["roles[0].to", "2020-04-01 is before 2020-05-01: the last day must come after the first"]],
  },
  {
    name: "overlapping roles (listed in any order)",
    roles: [
      { role: "B", organisation: "O", from: "2021-01-01", to: "2022-01-01" },
      { role: "A", organisation: "O", from: "2020-01-01", to: "2021-01-01" },
    ],
    expected: [["roles[0].from", "2021-01-01 overlaps roles[1] (2020-01-01 to 2021-01-01): roles must not overlap"]],
  },
  {
    name: "two open roles",
    roles: [
      { role: "A", organisation: "O", from: "2020-01-01" },
      { role: "B", organisation: "O", from: "2021-01-01" },
    ],
    expected: [
      ["roles[1].to", 'is missing, but roles[0] is also open: only the current role may leave out "to"'],
      ["roles[1].from", "2021-01-01 overlaps roles[0] (2020-01-01 to now): roles must not overlap"],
    ],
  },
];
for (const c of problemCases) {
  test(`roleProblems: ${c.name}`, () => {
    assert.deepEqual(roleProblems(c.roles), c.expected);
  });
}
