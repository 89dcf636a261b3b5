"""Text people type is shown as text: a quote in a title or a name never becomes markup on any page
that shows it (the security review put a <base href> into a scenario title and a display name)."""
import pathlib
import tempfile

from conftest import BASE, click, shot, sign_in
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

HOSTILE = "x\"><base href=\"http://127.0.0.1:18099/\"><i data-evil='1'>&amp;'"

# What the payload would add to a page if it escaped its attribute or text.
INJECTED = "return [document.querySelectorAll('base, [data-evil], i').length, document.baseURI]"


def assert_intact(driver, where):
    count, base = driver.execute_script(INJECTED)
    assert count == 0, f"{where}: the typed text became markup"
    assert base.startswith(BASE), f"{where}: the page's base address is {base}"


def open_plan(driver):
    driver.get(BASE + "/units?q=BGD")
    click(driver, By.XPATH, "//table//a[text()='Bangladesh']")
    click(driver, By.XPATH, "//a[contains(@href, '/plans') and not(contains(@href, 'import'))]")
    click(driver, By.XPATH, "//a[starts-with(text(), 'Plan 2026')]")
    return driver.current_url


def test_hostile_text_in_a_name_and_a_title_stays_text_on_every_page_that_shows_it(en):
    driver = en
    sign_in(driver, "focal.bangladesh")
    # Anyone may set their own display name; it shows in the plans' people lists.
    driver.get(BASE + "/account")
    name = driver.find_element(By.ID, "f-displayName")
    name.clear()
    name.send_keys(HOSTILE)
    click(driver, By.CSS_SELECTOR, "form.stack button.primary")
    assert_intact(driver, "account")
    assert driver.find_element(By.ID, "f-displayName").get_attribute("value") == HOSTILE

    plan = open_plan(driver)
    driver.get(plan + "/sections/scenarios")
    Select(driver.find_element(By.ID, "f-kind")).select_by_index(1)
    driver.find_element(By.ID, "f-title").send_keys(HOSTILE)
    click(driver, By.CSS_SELECTOR, f"form[action$='/sections/scenarios'] button.primary")
    assert_intact(driver, "scenarios")
    assert HOSTILE in driver.find_element(By.ID, "main").text
    # The edit form carries the title in value="…": it comes back exactly as typed.
    click(driver, By.XPATH, "//table//a[contains(text(), 'data-evil')]")
    assert_intact(driver, "scenario form")
    assert driver.find_element(By.ID, "f-title").get_attribute("value") == HOSTILE
    assert HOSTILE in driver.title
    shot(driver, "hostile-scenario-en")
    # The process form lists the unit's people (the display name) for minimum staff.
    driver.get(plan + "/sections/processes")
    click(driver, By.XPATH, "//table//a[contains(@href, '/sections/processes/')]")
    assert_intact(driver, "process form")
    values = driver.execute_script("return [...document.querySelectorAll('datalist option')].map(o => o.value)")
    assert HOSTILE in values
    for page in ("", "/pocket", "/sections/alternatives", "/versions"):
        driver.get(plan + page)
        assert_intact(driver, "plan" + page)

    # A reviewer reads the same plan.
    driver.delete_all_cookies()
    sign_in(driver, "reviewer.asia")
    driver.get(plan + "/sections/scenarios")
    assert_intact(driver, "scenarios as the reviewer")
    assert HOSTILE in driver.find_element(By.ID, "main").text


def test_a_quoted_cell_with_a_comma_imports_whole(en):
    driver = en
    sign_in(driver, "security.kenya")
    driver.get(BASE + "/units?q=KEN")
    click(driver, By.XPATH, "//table//a[text()='Kenya']")
    click(driver, By.XPATH, "//a[contains(@href, '/risks')]")
    path = pathlib.Path(tempfile.mkdtemp()) / "register.csv"
    path.write_text('kind,title,likelihood,impact\nsecurity,"Flood, monsoon ""season""",3,4\n', encoding="utf-8")
    driver.find_element(By.ID, "f-file").send_keys(str(path))
    click(driver, By.CSS_SELECTOR, "form[action$='/risks/import'] button.primary")
    assert_intact(driver, "import preview")
    rows = driver.find_elements(By.CSS_SELECTOR, "#main table tbody tr")
    assert len(rows) == 1
    click(driver, By.CSS_SELECTOR, "form button.primary")
    assert 'Flood, monsoon "season"' in driver.page_source.replace("&quot;", '"')
    assert driver.find_elements(By.XPATH, "//table//a[text()='Flood, monsoon \"season\"']")
