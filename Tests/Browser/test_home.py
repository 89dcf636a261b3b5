"""The home page shows each person what needs them, with the next step forward as its button: a
focal point their plan, a reviewer their queue, a senior manager what waits for approval, HQ the
figures, a security officer the register. In both languages, at desktop and phone widths."""
import pytest
from conftest import browser, click, shot, sign_in
from selenium.webdriver.common.by import By

CASES = [
    # The newest draft of Bangladesh is ready to submit, or (once other tests have started a plan
    # with a process not yet rated) has errors to fix: either way the button is the next step.
    ("focal.bangladesh", "en", ["Business continuity plan of Bangladesh", "overdue by"],
     ("Submit for regional review", "Fix the errors"), "/plans/"),
    ("focal.bangladesh", "zh-Hans", ["Bangladesh 的业务连续性计划", "现行计划已逾期"], ("提交区域审核", "修正错误"), "/plans/"),
    ("reviewer.asia", "en", ["1 plan waits for review.", "Myanmar"], ("Review it",), "/review"),
    ("reviewer.asia", "zh-Hans", ["有 1 份计划等待审核。"], ("开始审核",), "/review"),
    ("manager.bangladesh", "en", ["No plan waits for your approval."], None, None),
    ("hq.oversight", "zh-Hans", ["全组织计划概况", "有现行计划："], ("打开总览",), "/oversight"),
    ("security.kenya", "en", ["Joint risk register of Kenya"], ("Open the register",), "/risks"),
]


@pytest.mark.parametrize("username,language,texts,button,lands", CASES)
def test_the_home_page_says_what_needs_each_person(username, language, texts, button, lands):
    driver = browser("zh-CN" if language == "zh-Hans" else "en-US")
    try:
        sign_in(driver, username)
        click(driver, By.CSS_SELECTOR, f"button.lang[value={language}]")
        tasks = driver.find_element(By.CSS_SELECTOR, "section.tasks").text
        for text in texts:
            assert text in tasks, (text, tasks)
        driver.set_window_size(390, 844)
        shot(driver, f"home-{username}-{language}-390")
        driver.set_window_size(1366, 900)
        shot(driver, f"home-{username}-{language}-1366")
        primary = driver.find_elements(By.CSS_SELECTOR, "section.tasks a.button:not(.secondary)")
        if button is None:
            assert not primary
            return
        assert len(primary) == 1 and primary[0].text in button, [a.text for a in primary]
        click(driver, By.CSS_SELECTOR, "section.tasks a.button:not(.secondary)")
        assert lands in driver.current_url
    finally:
        driver.quit()
