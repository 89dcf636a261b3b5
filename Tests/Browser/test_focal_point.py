"""Browser tests: a real headless Chromium against the running server, as a person would use it.

The server is started by scripts/test-browser.sh on a fresh demo database; BASE_URL says where.
Screenshots go to artifacts/screenshots/.
"""
from conftest import BASE, click, shot, sign_in
from selenium.webdriver.common.by import By


def test_focal_point_signs_in_in_chinese_switches_to_english_and_is_refused_administration(zh):
    driver = zh
    driver.get(BASE + "/sign-in")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hans"
    assert "登录" in driver.find_element(By.TAG_NAME, "h1").text
    shot(driver, "sign-in-zh")

    sign_in(driver, "focal.bangladesh")
    assert "欢迎" in driver.page_source
    # Their own unit and role are on the home page.
    assert "Bangladesh" in driver.find_element(By.ID, "main").text
    assert "BCP 协调人" in driver.find_element(By.ID, "main").text
    shot(driver, "home-focal-zh")
    # The navigation offers no administration.
    nav = driver.find_element(By.CSS_SELECTOR, "header nav").text
    assert "人员" not in nav and "审计记录" not in nav

    click(driver, By.CSS_SELECTOR, "button.lang[value=en]")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "Welcome" in driver.page_source
    shot(driver, "home-focal-en")

    click(driver, By.LINK_TEXT, "Bangladesh")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Bangladesh"
    assert "Sub-Office Cox's Bazar" in driver.page_source
    assert "Rename" not in driver.page_source  # a focal point does not manage the tree
    shot(driver, "unit-bangladesh-en")

    for path in ("/users", "/audit", "/users/new"):
        driver.get(BASE + path)
        assert "You do not have access" in driver.page_source, path
    shot(driver, "forbidden-en")

    # The choice was saved on the account: a new sign-in keeps English despite the browser.
    driver.delete_all_cookies()
    sign_in(driver, "focal.bangladesh")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"


def test_administrator_creates_a_unit_sees_the_errors_then_the_unit_and_its_audit(en):
    driver = en
    sign_in(driver, "admin")
    driver.get(BASE + "/units")
    driver.find_element(By.ID, "f-q").send_keys("KEN")
    click(driver, By.CSS_SELECTOR, "form.search button")
    click(driver, By.LINK_TEXT, "Kenya")
    click(driver, By.LINK_TEXT, "Add a unit below")
    # An empty name and a bad code come back with messages and the typed code kept.
    driver.find_element(By.ID, "f-name").send_keys("   ")
    driver.find_element(By.ID, "f-code").send_keys("bad code!")
    click(driver, By.CSS_SELECTOR, "form.stack button.primary")
    errors = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".field .error")]
    assert "This field is required." in errors
    assert "Contains characters that are not allowed." in errors
    assert driver.find_element(By.ID, "f-code").get_attribute("value") == "bad code!"
    shot(driver, "unit-new-errors-en")

    driver.find_element(By.ID, "f-name").clear()
    driver.find_element(By.ID, "f-name").send_keys("Field Office Kalobeyei")
    code = driver.find_element(By.ID, "f-code")
    code.clear()
    code.send_keys("KEN-KLB")
    click(driver, By.CSS_SELECTOR, "form.stack button.primary")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Field Office Kalobeyei"
    shot(driver, "unit-created-en")

    click(driver, By.LINK_TEXT, "Audit trail of this unit")
    assert "Field Office Kalobeyei" in driver.page_source and "admin" in driver.page_source
    shot(driver, "audit-en")
    # And the same in Chinese.
    click(driver, By.CSS_SELECTOR, "button.lang[value=zh-Hans]")
    assert "审计记录" in driver.find_element(By.TAG_NAME, "h1").text
    shot(driver, "audit-zh")
    driver.get(BASE + "/users")
    shot(driver, "users-zh")
