"""Kenya's security officer proposes level 5 for Turkana from the five threat ratings; a review date
before the level takes effect is refused beside the field. The regional security desk, reading in
Chinese, finds the proposal waiting on its home page and approves it: the area shows level 5."""
from conftest import BASE, click, shot, sign_in
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def test_the_officer_proposes_level_five_and_the_desk_approves_it_in_chinese(en, zh):
    sign_in(en, "security.kenya")
    click(en, By.CSS_SELECTOR, "button.lang[value=en]")
    click(en, By.CSS_SELECTOR, "nav a[href='/security']")
    click(en, By.LINK_TEXT, "Turkana")
    area_url = en.current_url
    assert "3 – Moderate" in en.find_element(By.CSS_SELECTOR, "dl.facts").text
    click(en, By.LINK_TEXT, "Review the level")
    # The form starts from the ratings in force; armed conflict goes to 5.
    assert Select(en.find_element(By.ID, "f-threat_crime")).first_selected_option.get_attribute("value") == "3"
    Select(en.find_element(By.ID, "f-threat_armed_conflict")).select_by_value("5")
    en.find_element(By.ID, "f-reason").send_keys("Armed clashes between communities near Kakuma camp.")
    en.execute_script("document.getElementById('f-next_review').value = '2020-01-01'")
    click(en, By.CSS_SELECTOR, "main form button.primary")
    error = en.find_element(By.ID, "f-next_review-error").text
    assert "cannot be before the level takes effect" in error, error
    # What was typed is kept.
    assert en.find_element(By.ID, "f-reason").get_attribute("value").startswith("Armed clashes")
    shot(en, "security-level-refused-en")
    en.execute_script("document.getElementById('f-next_review').value = ''")
    click(en, By.CSS_SELECTOR, "main form button.primary")
    assert en.current_url == area_url
    said = en.find_element(By.CSS_SELECTOR, "p.said[role=status]").text
    assert said == "Proposed for Turkana: the level waits for the regional security desk.", said
    assert "Level 5 proposed" in en.find_element(By.CSS_SELECTOR, "section.callout h2").text
    shot(en, "security-level-proposed-en")

    sign_in(zh, "desk.ehagl")
    click(zh, By.CSS_SELECTOR, "button.lang[value=zh-Hans]")
    task = zh.find_element(By.XPATH, "//section[.//h3[contains(., '的安全等级')]]")
    assert "1 个安全等级等待您决定。" in task.text, task.text
    click(zh, By.LINK_TEXT, "打开安全等级")
    click(zh, By.LINK_TEXT, "图尔卡纳")
    callout = zh.find_element(By.CSS_SELECTOR, "section.callout").text
    assert "5 级 – 高" in callout and "武装冲突 5" in callout, callout
    shot(zh, "security-level-waiting-zh")
    click(zh, By.CSS_SELECTOR, "button[name=move][value=approve]")
    said = zh.find_element(By.CSS_SELECTOR, "p.said[role=status]").text
    assert said == "已为图尔卡纳核准：该等级自生效日期起适用。", said
    assert "5 级 – 高" in zh.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert zh.find_elements(By.CSS_SELECTOR, "section.callout") == []
    shot(zh, "security-level-approved-zh")
