"""Kenya's human resources focal point, reading Chinese, adds a person: a phone that is not an
international number is refused beside the field in Chinese, what was typed is kept, and the
corrected record is saved with a dependant. A staff member with a record is asked on her home page
where she is, confirms it, and sees who looked at her record; the reconciliation list says why
the others cannot be located."""
import time

from conftest import BASE, _api, click, shot, sign_in
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def shots(driver, name):
    for width in (1366, 390):
        driver.set_window_size(width, 900)
        shot(driver, f"{name}-{width}")
    driver.set_window_size(1280, 900)


def test_hr_adds_a_person_in_chinese_and_a_staff_member_confirms_where_she_is(zh, en):
    kenya = next(u["id"] for u in _api("GET", "units?q=KEN")["items"] if u["code"] == "KEN")
    sign_in(zh, "hr.kenya")
    click(zh, By.CSS_SELECTOR, "button.lang[value=zh-Hans]")
    # The home page tells the focal point how many of Kenya's personnel cannot be located.
    task = zh.find_element(By.XPATH, "//article[.//h3[contains(., 'Kenya的人员')]]").text
    assert "目前无法查寻行踪" in task, task
    zh.get(f"{BASE}/units/{kenya}/personnel")
    assert "Hassan Abdi" in zh.find_element(By.CSS_SELECTOR, "main table").text
    zh.find_element(By.ID, "f-name").send_keys("Mercy Chebet")
    zh.find_element(By.ID, "f-index_number").send_keys("KE-0500")
    Select(zh.find_element(By.ID, "f-duty_station")).select_by_visible_text("Kakuma")
    zh.find_element(By.ID, "f-phone").send_keys("0722 555")
    click(zh, By.XPATH, "//section[h2[normalize-space()='添加人员']]//button[@type='submit']")
    error = zh.find_element(By.ID, "f-phone-error").text
    assert error.startswith("请以国际格式输入号码"), error
    assert zh.find_element(By.ID, "f-name").get_attribute("value") == "Mercy Chebet"
    shots(zh, "personnel-refused-zh")
    zh.find_element(By.ID, "f-phone").clear()
    zh.find_element(By.ID, "f-phone").send_keys("+254 722 555 010")
    click(zh, By.XPATH, "//section[h2[normalize-space()='添加人员']]//button[@type='submit']")
    said = zh.find_element(By.CSS_SELECTOR, "p.said[role=status]").text
    assert "Mercy Chebet" in said, said
    assert "+254722555010" in zh.find_element(By.TAG_NAME, "main").text
    zh.find_element(By.XPATH, "//section[h3[normalize-space()='添加受抚养人']]//input[@id='f-name']").send_keys(
        "Kiprop Chebet")
    click(zh, By.XPATH, "//section[h3[normalize-space()='添加受抚养人']]//button[@type='submit']")
    # No relationship: refused beside it.
    assert zh.find_element(By.ID, "f-relationship-error").text == "此项为必填。"
    Select(zh.find_element(By.ID, "f-relationship")).select_by_value("child")
    click(zh, By.XPATH, "//section[h3[normalize-space()='添加受抚养人']]//button[@type='submit']")
    assert "Kiprop Chebet" in zh.find_element(By.XPATH, "//table[caption[normalize-space()='合格受抚养人']]").text
    shots(zh, "personnel-record-zh")
    zh.get(f"{BASE}/units/{kenya}/personnel/reconciliation")
    listed = zh.find_element(By.CSS_SELECTOR, "main table").text
    assert "Achieng Odhiambo" in listed and "从未确认" in listed and "没有电话" in listed, listed
    assert "确认时间过久" in listed, listed
    shots(zh, "reconciliation-zh")

    # Nusrat Jahan (Cox's Bazar) never confirmed where she is: her home page asks.
    sign_in(en, "staff.coxsbazar")
    click(en, By.CSS_SELECTOR, "button.lang[value=en]")
    task = en.find_element(By.XPATH, "//article[.//h3[normalize-space()='Where are you?']]")
    assert "never been confirmed" in task.text
    click(en, By.LINK_TEXT, "Confirm where you are")
    # She sees her own contacts, and changes only how to reach her.
    assert en.find_elements(By.ID, "f-index_number") == []
    click(en, By.XPATH, "//form[contains(@action, '/location')]//button[@type='submit']")
    said = en.find_element(By.CSS_SELECTOR, "p.said[role=status]").text
    assert said == "Saved.", said
    assert "Locatable" in en.find_element(By.ID, "whereabouts").find_element(By.XPATH, "following-sibling::p").text
    shots(en, "personnel-own-record-en")
    click(en, By.LINK_TEXT, "Home")
    assert not en.find_elements(By.XPATH, "//article[.//h3[normalize-space()='Where are you?']]")
