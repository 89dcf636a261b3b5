"""The home page shows each person what needs them, with the next step forward as its button: a
focal point their plan, a reviewer their queue, a senior manager what waits for approval, HQ the
figures, a security officer the register and the levels to review, the regional security desk the
levels waiting for it. In both languages, at desktop and phone widths."""
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
    # Two tasks: the register, and Nairobi's level past its review date (the urgent one).
    ("security.kenya", "en", ["Joint risk register of Kenya", "Security levels of Kenya", "1 level is past its review date."],
     ("Open the security levels",), "/security"),
    ("desk.ehagl", "zh-Hans", ["的安全等级", "0 个安全等级等待您决定。"], ("打开安全等级",), "/security"),
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
        # One forward step per task; the one this case is about is among them.
        chosen = [a for a in primary if a.text in button]
        assert len(chosen) == 1, [a.text for a in primary]
        click(driver, By.XPATH,
              f"//section[contains(@class, 'tasks')]//a[contains(@class, 'button') and normalize-space()='{chosen[0].text}']")
        assert lands in driver.current_url
    finally:
        driver.quit()
