"""One plan through its review as the three people involved would take it: the focal point submits,
the regional reviewer returns it with two feedback threads, the focal point answers and submits
again, the reviewer sees what changed, resolves and endorses, the senior manager approves; then the
regional dashboard and HQ's overview show it in force."""
from conftest import BASE, browser, click, shot, sign_in
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def current_plan(driver):
    """The newest cycle's plan of Bangladesh, from the unit's plans page."""
    click(driver, By.CSS_SELECTOR, "a.button[href$='/plans']")
    return driver.find_element(By.XPATH, "(//table//a[contains(@href, '/plans/')])[1]").get_attribute("href")


def move(driver, name, comment=""):
    if comment:
        box = driver.find_element(By.ID, "f-comment")
        box.clear()
        box.send_keys(comment)
    click(driver, By.CSS_SELECTOR, f"button[name=move][value={name}]")


def badge(driver):
    return driver.find_element(By.CSS_SELECTOR, ".status-line .badge").text


def asia_on_hq_overview():
    hq = browser("en-US")
    try:
        sign_in(hq, "hq.oversight")
        hq.get(BASE + "/oversight")
        cells = hq.find_elements(By.XPATH, "//tr[td/a[contains(text(), 'Asia')]]/td")
        assert hq.find_elements(By.CSS_SELECTOR, "svg.chart")
        shot(hq, "oversight-en")
        return [c.text for c in cells]
    finally:
        hq.quit()


def test_a_plan_goes_from_submission_to_force_and_the_dashboards_follow(en):
    # Bangladesh's plan in force is overdue: Asia (8 units) has one plan in force, none updated
    # within twelve months.
    before = asia_on_hq_overview()
    assert before[1] == "8" and before[2] == "13% (1)" and before[3].startswith("0%")
    focal = en
    sign_in(focal, "focal.bangladesh")
    plan = current_plan(focal)
    focal.get(plan + "/review")
    move(focal, "submit", "Updated for this year")
    assert badge(focal) == "Submitted"

    # The regional reviewer reads Chinese first.
    reviewer = browser("zh-CN")
    try:
        sign_in(reviewer, "reviewer.asia")
        reviewer.get(BASE + "/inbox")
        assert "已提交区域审核" in reviewer.page_source
        reviewer.get(plan + "/review")
        move(reviewer, "take_for_review")
        assert badge(reviewer) == "区域审核中"
        # Two threads: one on a field of a critical process, one on the team section.
        items = Select(reviewer.find_element(By.ID, "f-item"))
        process = next(o.get_attribute("value") for o in items.options if o.get_attribute("value").startswith("processes:"))
        items.select_by_value(process)
        Select(reviewer.find_element(By.ID, "f-field")).select_by_value("rtoHours")
        reviewer.find_element(By.ID, "f-body").send_keys("48 小时太长：请说明为什么不能更快恢复。")
        click(reviewer, By.CSS_SELECTOR, "form[action$='/feedback'] button.primary")
        Select(reviewer.find_element(By.ID, "f-item")).select_by_value("team")
        reviewer.find_element(By.ID, "f-body").send_keys("Who stands in for the head of office?")
        click(reviewer, By.CSS_SELECTOR, "form[action$='/feedback'] button.primary")
        assert len(reviewer.find_elements(By.CSS_SELECTOR, "article.thread.open")) == 2
        shot(reviewer, "review-threads-zh")
        # Returning needs a comment: the page says so and keeps the threads.
        move(reviewer, "return")
        assert "退回计划时必须填写意见" in reviewer.page_source
        move(reviewer, "return", "请答复两条意见。")
        assert badge(reviewer) == "已退回修改"

        # The focal point cannot resubmit before answering both.
        focal.get(plan + "/review")
        move(focal, "submit")
        assert "still need an answer" in focal.page_source
        for answer in ["The generator is shared with the partner; 24 h is realistic.", "The deputy, Ms Akter, named in the team."]:
            thread = focal.find_element(By.CSS_SELECTOR, "article.thread.open")
            thread.find_element(By.CSS_SELECTOR, "textarea[name=body]").send_keys(answer)
            click(focal, By.CSS_SELECTOR, "article.thread.open button[formaction$='/answer']")
        assert len(focal.find_elements(By.CSS_SELECTOR, "article.thread.answered")) == 2
        # A change to the plan in answer to the feedback.
        focal.get(plan + "/sections/other")
        box = focal.find_element(By.NAME, "recordsManagement")
        box.send_keys(" Deputy head of office stands in for the representative.")
        click(focal, By.CSS_SELECTOR, "form[action$='/sections/other'] button.primary")
        focal.get(plan + "/review")
        shot(focal, "review-answered-en")
        move(focal, "submit", "Both answered")
        assert badge(focal) == "Submitted"

        # The reviewer sees what changed since the version returned, resolves, endorses.
        reviewer.get(plan + "/review")
        move(reviewer, "take_for_review")
        assert "自被退回的第" in reviewer.page_source and "记录管理" in reviewer.page_source
        shot(reviewer, "review-changes-zh")
        move(reviewer, "endorse")
        assert "未解决" in reviewer.page_source  # refused: threads still open
        while reviewer.find_elements(By.CSS_SELECTOR, "article.thread.answered button[formaction$='/resolve']"):
            click(reviewer, By.CSS_SELECTOR, "article.thread.answered button[formaction$='/resolve']")
        move(reviewer, "endorse")
        assert badge(reviewer) == "区域已认可"

        manager = browser("en-US")
        try:
            sign_in(manager, "manager.bangladesh")
            manager.get(BASE + "/inbox")
            assert "waits for your approval" in manager.page_source
            manager.get(plan + "/review")
            move(manager, "approve", "Approved at the management meeting")
            assert badge(manager) == "In force"
            assert "due" in manager.find_element(By.CSS_SELECTOR, ".status-line").text
            shot(manager, "review-in-force-en")
        finally:
            manager.quit()

        # The regional dashboard: Bangladesh in force, approved today, nothing open.
        reviewer.get(BASE + "/oversight")
        click(reviewer, By.PARTIAL_LINK_TEXT, "Asia")
        row = reviewer.find_element(By.XPATH, "//tr[td/a[text()='Bangladesh']]")
        assert "现行有效" in row.text
        shot(reviewer, "dashboard-zh")
        csv = reviewer.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href")
        assert "/dashboard.csv" in csv
    finally:
        reviewer.quit()

    # HQ: one of Asia's eight units now has a plan in force, updated within twelve months.
    after = asia_on_hq_overview()
    assert after[2] == "13% (1)" and after[3] == "13% (1)"


def test_a_region_opens_a_campaign_and_reports_compliance(en):
    driver = en
    sign_in(driver, "reviewer.mena")
    driver.get(BASE + "/oversight")
    click(driver, By.PARTIAL_LINK_TEXT, "Middle East")
    shot(driver, "dashboard-en")
    click(driver, By.PARTIAL_LINK_TEXT, "Yearly campaigns")
    # A date input takes what the locale types; set the value as the date picker would.
    driver.execute_script("arguments[0].value = '2099-12-31'", driver.find_element(By.ID, "f-deadline"))
    click(driver, By.CSS_SELECTOR, "form[action$='/campaigns'] button.primary")
    assert "Units, late ones first" in driver.page_source
    assert "Jordan" in driver.page_source and "Field Office Zaatari" in driver.page_source
    shot(driver, "campaign-en")
    driver.get(driver.current_url.split("/campaigns/")[0] + "/oversight")
    click(driver, By.PARTIAL_LINK_TEXT, "Middle East")
    click(driver, By.PARTIAL_LINK_TEXT, "Compliance report")
    driver.find_element(By.ID, "f-comments").send_keys("Jordan's plan is overdue; the campaign is open.")
    click(driver, By.CSS_SELECTOR, "form[action$='/compliance'] button.primary")
    assert "Jordan's plan is overdue" in driver.page_source
    shot(driver, "compliance-en")


def test_the_oversight_pages_in_chinese(zh):
    driver = zh
    sign_in(driver, "hq.oversight")
    driver.get(BASE + "/oversight")
    assert "监督：各区域" in driver.page_source and "所有区域" in driver.page_source
    shot(driver, "oversight-zh")
    click(driver, By.PARTIAL_LINK_TEXT, "Middle East")
    assert "已逾期" in driver.page_source
    click(driver, By.PARTIAL_LINK_TEXT, "合规报告")
    shot(driver, "compliance-zh")
    click(driver, By.PARTIAL_LINK_TEXT, "仪表板")
    click(driver, By.PARTIAL_LINK_TEXT, "年度更新活动")
    shot(driver, "campaigns-zh")
