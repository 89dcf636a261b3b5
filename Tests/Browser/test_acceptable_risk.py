"""HQ oversight finds Ethiopia's plan on the security overview, opens it and finds the warning that its PC3
process is done at Gambella, where the approved assessment's residual risk is high; the warning
leads to that assessment, which names the process. In Chinese, then in English."""
from conftest import click, shot, sign_in
from selenium.webdriver.common.by import By


def test_the_plan_warns_of_a_process_beyond_acceptable_risk_and_leads_to_the_assessment(zh):
    sign_in(zh, "hq.oversight")
    click(zh, By.CSS_SELECTOR, "button.lang[value=zh-Hans]")
    # The security overview lists the plans with such processes; Ethiopia's leads to the plan.
    click(zh, By.CSS_SELECTOR, "nav a[href='/security']")
    row = zh.find_element(By.XPATH, "//tr[td[text()='Ethiopia']]")
    assert "Livelihoods training" in row.text, row.text
    click(zh, By.XPATH, "//tr[td[text()='Ethiopia']]//a[contains(@href, '/plans/')]")
    warning = zh.find_element(By.CSS_SELECTOR, "section.acceptable-risk li.warning").text
    assert "Livelihoods training（PC3）在Gambella开展" in warning and "超出 PC3 可接受的水平" in warning, warning
    assert "General food distribution" not in zh.find_element(By.CSS_SELECTOR, "section.acceptable-risk").text
    shot(zh, "acceptable-risk-plan-zh")
    click(zh, By.CSS_SELECTOR, "section.acceptable-risk li.warning a")
    assert "甘贝拉" in zh.find_element(By.TAG_NAME, "h1").text
    assert "Livelihoods training" in zh.find_element(By.TAG_NAME, "main").text
    shot(zh, "acceptable-risk-assessment-zh")
    click(zh, By.CSS_SELECTOR, "button.lang[value=en]")
    main = zh.find_element(By.TAG_NAME, "main").text
    assert "Livelihoods training (PC3) is done at Gambella, where the residual risk is High" in main, main
    assert "Acceptable for" in main and "PC1, PC2" in main
    shot(zh, "acceptable-risk-assessment-en")
