import { compileTestAccountRules, DEFAULT_TEST_ACCOUNT_RULES } from "../../../src/engine/data/test-accounts";

describe("test-account rules", () => {
  const rules = compileTestAccountRules(DEFAULT_TEST_ACCOUNT_RULES);

  it.each(["test01", "TEST", "demo_user", "测试账号", "00000", "99999999", "123456"])("flag %p", (id) => {
    expect(rules.match(id)).toBeDefined();
  });

  it.each(["0001", "00012345", "contest", "M1000", "1516", "13812345678", "张三"])("let %p through", (id) => {
    expect(rules.match(id)).toBeUndefined();
  });

  it("name the rule at fault when a pattern does not compile or says nothing", () => {
    expect(() => compileTestAccountRules([{ name: "broken", nameZh: "", idPattern: "(" }])).toThrow(
      /test-account rule 1 \("broken"\)/,
    );
    expect(() => compileTestAccountRules([{ name: "empty", nameZh: "" }])).toThrow(
      "has no idPattern, ids or minShareOfLines",
    );
  });
});
