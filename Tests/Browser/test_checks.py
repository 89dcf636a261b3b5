"""A focal point adds a critical process and is told so on the page the save leads to; without rating
its impact, they are refused at submission: the refusal names the process and links to the field to
fill in, which the link opens with the cursor in it. In both languages."""
from conftest import BASE, click, shot, sign_in
from selenium.webdriver.common.by import By
from test_plan import fill, submit


def refused_then_led_to_the_field(driver, language, process, texts):
    sign_in(driver, "focal.bangladesh")
    click(driver, By.CSS_SELECTOR, f"button.lang[value={language}]")
    click(driver, By.CSS_SELECTOR, "a.button[href$='/plans']")
    # This year's draft, which is sound: the process added here is removed at the end, so that
    # the plan is as the demo made it for the tests after this one.
    click(driver, By.XPATH, "//table//a[contains(@href, '/plans/') and contains(text(), '2026')]")
    plan_url = driver.current_url
    driver.get(plan_url + "/sections/processes")
    fill(driver, {"name": process, "criteria-vital_liaison": True, "classification": "remote_in_country",
                  "minimumStaffCount": "1", "staff-0-name": "Nusrat Jahan", "staff-0-role": "Driver",
                  "alternatives": "Radio"})
    submit(driver, "/sections/processes")
    # The save says what it did, at the top of the page it led to.
    assert driver.find_element(By.CSS_SELECTOR, "p.said[role=status]").text == texts["added"]
    shot(driver, f"process-added-{language}")

    driver.get(plan_url + "/review")
    click(driver, By.CSS_SELECTOR, "button[name=move][value=submit]")
    alert = driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert texts["refused"] in alert, alert
    links = [a for a in driver.find_elements(By.CSS_SELECTOR, "ul.checks li.error a") if process in a.text]
    said = " ".join(a.text for a in links)
    assert texts["not_rated"] in said and texts["no_rto"] in said, said
    shot(driver, f"submit-refused-{language}")
    rating = next(a for a in links if texts["not_rated"] in a.text)
    assert "/impact/" in rating.get_attribute("href") and "#f-impact-" in rating.get_attribute("href")
    click(driver, By.CSS_SELECTOR, f"ul.checks li.error a[href='{rating.get_attribute('href').split(BASE, 1)[1]}']")
    # The impact form of that process, with the cursor in its first rating.
    assert process in driver.find_element(By.TAG_NAME, "h1").text
    assert driver.switch_to.active_element.get_attribute("id").startswith("f-impact-")
    shot(driver, f"submit-refused-field-{language}")
    # Nothing was submitted: the plan is still a draft.
    driver.get(plan_url)
    assert driver.find_element(By.CSS_SELECTOR, ".status-line .badge").get_attribute("class").endswith("draft")
    # The process goes again (asked first), and the plan can be submitted as before.
    driver.get(plan_url + "/sections/processes")
    click(driver, By.XPATH, f"//tr[td/a[text()='{process}']]//a[contains(@href, '/remove')]")
    click(driver, By.CSS_SELECTOR, "main form button[type=submit]")
    assert process not in driver.find_element(By.CSS_SELECTOR, "main table").text


def test_a_process_without_ratings_is_refused_at_submission_and_linked(en):
    refused_then_led_to_the_field(en, "en", "Fuel distribution", {
        "added": "“Fuel distribution” added.", "refused": "block this",
        "not_rated": "has no impact ratings", "no_rto": "has no recovery time objective"})


def test_a_process_without_ratings_is_refused_at_submission_and_linked_in_chinese(zh):
    refused_then_led_to_the_field(zh, "zh-Hans", "燃料分发", {
        "added": "已添加“燃料分发”。", "refused": "阻止此操作",
        "not_rated": "没有影响评级", "no_rto": "没有恢复时间目标"})
