"""An administrator grants a role on a unit typed by its name, is told so, sees the grant in the
audit trail by its names, and revokes it after a confirmation. In both languages."""
from conftest import BASE, click, shot, sign_in
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def grant_by_name_then_revoke(driver, language, role, texts):
    sign_in(driver, "admin")
    click(driver, By.CSS_SELECTOR, f"button.lang[value={language}]")
    driver.get(BASE + "/users?q=staff.coxsbazar")
    click(driver, By.XPATH, "//table//a[contains(@href, '/users/')]")
    Select(driver.find_element(By.ID, "f-role")).select_by_value(role)
    unit = driver.find_element(By.ID, "f-unit")
    unit.clear()
    unit.send_keys("Dadaab")
    click(driver, By.CSS_SELECTOR, "form[action$='/grants'] button[type=submit]")
    assert driver.find_element(By.CSS_SELECTOR, "p.said").text == texts["granted"]
    assert driver.find_element(By.XPATH, f"//tr[td[1][text()='{texts['role']}'] and td/a[contains(., 'Dadaab')]]")
    shot(driver, f"grant-by-name-{language}")
    # The audit trail names the role and the unit, never their codes.
    driver.get(BASE + "/audit")
    trail = driver.find_element(By.ID, "main").text
    assert f"staff.coxsbazar: {texts['role']} @ Sub-Office Dadaab" in trail, trail[:400]
    assert f": {role} @" not in trail
    driver.back()
    click(driver, By.XPATH, f"//tr[td[1][text()='{texts['role']}'] and td/a[contains(., 'Dadaab')]]//a[contains(@href, '/revoke')]")
    assert texts["confirm"] in driver.find_element(By.ID, "main").text
    shot(driver, f"revoke-confirm-{language}")
    click(driver, By.CSS_SELECTOR, "main form button[type=submit]")
    assert driver.find_element(By.CSS_SELECTOR, "p.said").text == texts["revoked"]


def test_a_role_is_granted_by_unit_name_and_revoked_after_asking(en):
    grant_by_name_then_revoke(en, "en", "contributor", {
        "granted": "Role granted.", "role": "Contributor", "confirm": "Revoke the role Contributor of",
        "revoked": "Revoked."})


def test_a_role_is_granted_by_unit_name_and_revoked_after_asking_in_chinese(zh):
    grant_by_name_then_revoke(zh, "zh-Hans", "security_officer", {
        "granted": "已授予角色。", "role": "安保干事", "confirm": "撤销 Nusrat Jahan 在 Sub-Office Dadaab 的“安保干事”角色",
        "revoked": "已撤销。"})
