"""Kenya's security officer finds Kakuma at 70 % of its ten required measures, records the satellite
phone as in place with its evidence, and the page (then read in Chinese) shows 80 %. A measure
marked not applicable without a reason is refused beside its field, nothing saved."""
from conftest import click, shot, sign_in
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def test_kakuma_goes_from_seventy_to_eighty_per_cent(en):
    sign_in(en, "security.kenya")
    click(en, By.CSS_SELECTOR, "button.lang[value=en]")
    click(en, By.CSS_SELECTOR, "nav a[href='/security']")
    click(en, By.LINK_TEXT, "Turkana")
    click(en, By.PARTIAL_LINK_TEXT, "70% (7 of 10 measures)")
    assert "Kakuma" in en.find_element(By.TAG_NAME, "h1").text
    # Not applicable needs a reason.
    Select(en.find_element(By.ID, "f-status-COO-02")).select_by_value("not_applicable")
    click(en, By.CSS_SELECTOR, "main form button.primary")
    assert "required" in en.find_element(By.ID, "f-reason-COO-02-error").text
    assert "70% (7 of 10 measures)" in en.find_element(By.CSS_SELECTOR, "dl.facts").text
    shot(en, "measures-refused-en")
    Select(en.find_element(By.ID, "f-status-COO-02")).select_by_value("not_compliant")
    Select(en.find_element(By.ID, "f-status-TEL-02")).select_by_value("compliant")
    en.find_element(By.ID, "f-evidence-TEL-02").send_keys("Thuraya handset in the radio room.")
    click(en, By.CSS_SELECTOR, "main form button.primary")
    assert en.find_element(By.CSS_SELECTOR, "p.said[role=status]").text == "“Kakuma” saved."
    assert "80% (8 of 10 measures)" in en.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "Thuraya" in en.find_element(By.ID, "f-evidence-TEL-02").get_attribute("value")
    shot(en, "measures-saved-en")
    click(en, By.CSS_SELECTOR, "button.lang[value=zh-Hans]")
    assert "80%（10 项措施中 8 项符合）" in en.find_element(By.CSS_SELECTOR, "dl.facts").text
    shot(en, "measures-saved-zh")
