import { expect, test } from "@playwright/test";
import { createPromoter, ensureAccount, ensureAdmin } from "./helpers";

// Teams through the real UI: create one, add members, pick a lead, see the board, filter the leaderboard.
test("create a team, add members and a lead, and filter the leaderboard to it", async ({ page, browser }) => {
  await ensureAdmin(page);
  await ensureAccount(page);
  for (const name of ["队员甲", "队员乙", "散兵丙"]) await createPromoter(page, name);

  await page.getByRole("link", { name: "团队" }).first().click();
  await expect(page.getByTestId("team-row").or(page.getByTestId("teams-empty")).first()).toBeVisible();
  const teamsBefore = await page.getByTestId("team-row").count(); // the import journey may have made one
  await page.getByRole("button", { name: "新建团队" }).click(); // no name: refused, nothing created
  await expect(page.getByText("请填写团队名称")).toBeVisible();
  await expect(page.getByTestId("team-row")).toHaveCount(teamsBefore);
  await page.getByLabel("团队名称").fill("东区地推");
  await page.getByRole("button", { name: "新建团队" }).click();
  const row = page.getByTestId("team-row").filter({ hasText: "东区地推" });
  await expect(row).toBeVisible();

  await row.getByTestId("manage-team").click();
  await page.getByTestId("add-members-select").selectOption([{ label: "队员甲" }, { label: "队员乙" }]);
  await page.getByRole("button", { name: "加入", exact: true }).click();
  await expect(page.getByTestId("team-members").getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("团长（可选）").selectOption({ label: "队员乙" });
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByTestId("edit-team-form").getByRole("status")).toHaveText("已保存"); // before leaving the page

  await page.goto("/teams");
  await expect(row.locator("td").nth(2)).toHaveText("队员乙");
  await expect(row.locator("td").nth(3)).toHaveText("2");

  await row.getByRole("link", { name: "查看成员排行" }).click();
  await expect(page.getByRole("heading", { name: "团队「东区地推」的成员排行" })).toBeVisible();
  const board = page.getByTestId("leaderboard");
  await expect(board.getByRole("row", { name: /队员甲/ })).toBeVisible();
  await expect(board.getByRole("row", { name: /队员乙/ })).toBeVisible();
  await expect(board.getByRole("row", { name: /散兵丙/ })).toHaveCount(0);

  await page.getByTestId("leaderboard-team").selectOption({ label: "全部推广者" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(board.getByRole("row", { name: /散兵丙/ })).toBeVisible();

  // The lead's private page adds their team: its rank among teams, totals and members by name.
  await board.getByRole("link", { name: "队员乙" }).click();
  await page.getByTestId("private-link-panel").getByTestId("private-link-create").click();
  const url = (await page.getByTestId("private-link-url").innerText()).trim();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } }); // not signed in
  const leadPage = await phone.newPage();
  await leadPage.goto(url);
  const team = leadPage.getByTestId("sp-team");
  await expect(team).toContainText("我的团队 · 东区地推");
  await expect(leadPage.getByTestId("sp-team-rank")).toContainText(/团队排名：第 \d+ 名/);
  await expect(leadPage.getByTestId("sp-team-table")).toContainText("队员乙我");
  await expect(leadPage.getByTestId("sp-team-table").getByRole("row")).toHaveCount(3); // the header and two members
  await expect(leadPage.getByTestId("sp-team-table")).toContainText("队员甲");
  await expect(leadPage.getByTestId("sp-team-table")).not.toContainText("散兵丙");
  await phone.close();
});
