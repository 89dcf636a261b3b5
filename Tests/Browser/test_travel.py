"""A staff member reading Chinese asks to travel to Dadaab (level 5): a leg out of order is refused
beside its field, he sees and acknowledges the advisories, is refused at once because his BSAFE
has expired, records the renewed course, submits again; Kenya's security officer clears the leg;
the trip is under way, so a roll-call at Dadaab lists him. HQ's advisories feed and the directory
are read too."""
import time

from conftest import BASE, _api, click, shot, sign_in
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def shots(driver, name):
    for width in (1366, 390):
        driver.set_window_size(width, 900)
        shot(driver, f"{name}-{width}")
    driver.set_window_size(1280, 900)


def utc(hours):
    return time.strftime("%Y-%m-%dT%H:%M", time.gmtime(time.time() + hours * 3600))


def fill(driver, field, value):
    driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", field, value)


def test_a_trip_to_a_level_5_area_refused_for_training_then_cleared_and_in_a_roll_call(zh, en):
    sign_in(zh, "focal.bangladesh")
    click(zh, By.CSS_SELECTOR, "button.lang[value=zh-Hans]")
    click(zh, By.LINK_TEXT, "差旅")
    click(zh, By.LINK_TEXT, "登记差旅")
    # His own duty station is filled in as where the trip starts and ends.
    assert zh.find_element(By.ID, "f-leg1_from").get_attribute("value") == "Dhaka (BD)"
    zh.find_element(By.ID, "f-purpose").send_keys("达达布联合保护监测")
    zh.find_element(By.ID, "f-leg1_to").send_keys("Dadaab")
    fill(zh, "f-leg1_departs", utc(-1))
    fill(zh, "f-leg1_arrives", utc(3))
    Select(zh.find_element(By.ID, "f-leg1_means")).select_by_value("road")
    zh.find_element(By.ID, "f-leg2_from").send_keys("Dadaab")
    # The way back typed as leaving before he arrives: refused beside the field, in Chinese.
    fill(zh, "f-leg2_departs", utc(2))
    fill(zh, "f-leg2_arrives", utc(12))
    Select(zh.find_element(By.ID, "f-leg2_means")).select_by_value("road")
    click(zh, By.CSS_SELECTOR, "main form button.primary")
    error = zh.find_element(By.ID, "f-leg2_departs-error").text
    assert error == "第 2 段在第 1 段到达之前出发。", error
    assert zh.find_element(By.ID, "f-purpose").get_attribute("value") == "达达布联合保护监测"
    shots(zh, "trip-refused-field-zh")
    fill(zh, "f-leg2_departs", utc(72))
    fill(zh, "f-leg2_arrives", utc(82))
    click(zh, By.CSS_SELECTOR, "main form button.primary")
    trip_url = zh.current_url
    reasons = zh.find_element(By.CSS_SELECTOR, "section.reasons").text
    assert "Dadaab 位于加里萨，安全等级为 5；3 级及以上需要安保许可。" in reasons, reasons
    # He reads the advisories and acknowledges each; his BSAFE expired 20 days ago: refused at once.
    assert "达达布—加里萨公路发现爆炸装置" in zh.find_element(By.CSS_SELECTOR, "fieldset.checks").text
    for box in zh.find_elements(By.CSS_SELECTOR, "fieldset.checks input[type=checkbox]"):
        box.click()
    click(zh, By.CSS_SELECTOR, "main form button.primary")
    assert "已立即拒绝" in zh.find_element(By.CSS_SELECTOR, "p.said[role=status]").text
    reasons = zh.find_element(By.CSS_SELECTOR, "section.reasons").text
    assert "BSAFE（外地基本安全） 已于" in reasons and "过期" in reasons, reasons
    assert zh.find_element(By.CSS_SELECTOR, "span.badge.trip-refused").text == "已拒绝"
    shots(zh, "trip-refused-training-zh")
    # He records the renewed course, and submits again.
    click(zh, By.LINK_TEXT, "记录更新后的培训")
    fill(zh, "f-bsafe_expires", "2029-06-30")
    click(zh, By.XPATH, "//section[@id='training']//button[@type='submit']")
    assert "已保存" in zh.find_element(By.CSS_SELECTOR, "p.said[role=status]").text
    zh.get(trip_url)
    for box in zh.find_elements(By.CSS_SELECTOR, "fieldset.checks input[type=checkbox]"):
        box.click()
    click(zh, By.CSS_SELECTOR, "main form button.primary")
    assert zh.find_element(By.CSS_SELECTOR, "span.badge.trip-submitted").text == "等待安保许可"
    shots(zh, "trip-waiting-zh")

    # Kenya's security officer clears the leg to Dadaab from his queue.
    sign_in(en, "security.kenya")
    en.get(f"{BASE}/travel/clearances")
    assert "陈明 Chen Ming" in en.find_element(By.CSS_SELECTOR, "main table").text
    shots(en, "travel-queue-en")
    click(en, By.LINK_TEXT, "陈明 Chen Ming")
    en.find_element(By.ID, "f-conditions").send_keys("UN convoy with escort only")
    click(en, By.CSS_SELECTOR, "button[name=decision][value=clear]")
    assert en.find_element(By.CSS_SELECTOR, "span.badge.trip-cleared").text == "Cleared"
    assert "UN convoy with escort only" in en.find_element(By.CSS_SELECTOR, "main table").text
    shots(en, "trip-cleared-en")
    # He is on the road to Dadaab: a roll-call there lists him.
    kenya = next(u["id"] for u in _api("GET", "units?q=KEN")["items"] if u["code"] == "KEN")
    en.get(f"{BASE}/units/{kenya}/roll-calls")
    en.find_element(By.ID, "f-title").send_keys("Gunfire near Dadaab")
    fill(en, "f-occurred_at", utc(-0.2))
    box = en.find_element(By.XPATH, "//fieldset//label[normalize-space()='Dadaab']").get_attribute("for")
    en.find_element(By.ID, box).click()
    click(en, By.CSS_SELECTOR, "main form button.primary")
    en.get(en.current_url + "?status=all")
    assert "陈明 Chen Ming" in en.find_element(By.TAG_NAME, "main").text
    shots(en, "roll-call-with-traveller-en")

    # His trip, in his calendar; the directory and the advisories feed, for anyone.
    zh.get(trip_url)
    assert zh.find_element(By.CSS_SELECTOR, "span.badge.trip-cleared").text == "已获许可"
    zh.get(f"{BASE}/travel/directory?country=KE")
    directory = zh.find_element(By.TAG_NAME, "main").text
    assert "加里萨" in directory and "+254700100001" in directory, directory
    shots(zh, "directory-zh")
    zh.get(f"{BASE}/advisories")
    shots(zh, "advisories-zh")
    zh.get(f"{BASE}/advisories/feed.atom")
    assert "达达布—加里萨公路发现爆炸装置" in zh.page_source
