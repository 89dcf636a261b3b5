"""A security officer keeps Kenya's joint risk register: adds a risk, finds it on the heat map,
and imports a spreadsheet whose bad rows are shown before anything is saved."""
import pathlib
import tempfile

from conftest import BASE, click, shot, sign_in
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def open_register(driver):
    driver.get(BASE + "/units?q=KEN")
    click(driver, By.XPATH, "//table//a[text()='Kenya']")
    click(driver, By.XPATH, "//a[contains(@href, '/risks')]")


def test_a_risk_is_added_found_on_the_heat_map_and_a_bad_import_saves_nothing(en):
    driver = en
    sign_in(driver, "security.kenya")
    open_register(driver)
    register = driver.current_url
    Select(driver.find_element(By.ID, "f-kind")).select_by_value("security")
    driver.find_element(By.ID, "f-title").send_keys("Carjacking on the Dadaab road")
    Select(driver.find_element(By.ID, "f-likelihood")).select_by_value("4")
    Select(driver.find_element(By.ID, "f-impact")).select_by_value("4")
    Select(driver.find_element(By.ID, "f-residual_likelihood")).select_by_value("2")
    Select(driver.find_element(By.ID, "f-residual_impact")).select_by_value("3")
    click(driver, By.CSS_SELECTOR, "form[action$='/risks'] button.primary")
    assert "Carjacking on the Dadaab road" in driver.page_source
    shot(driver, "risks-en")
    # The inherent heat map's cell 4 × 4 holds it.
    driver.get(register + "?rating=inherent&l=4&i=4")
    assert "likelihood 4 × impact 4: 1 risks" in driver.page_source

    path = pathlib.Path(tempfile.mkdtemp()) / "register.csv"
    path.write_text("kind,title,likelihood,impact\nsecurity,Road ambush,4,5\nweather,Floods,3,9\n", encoding="utf-8")
    driver.get(register)
    driver.find_element(By.ID, "f-file").send_keys(str(path))
    click(driver, By.CSS_SELECTOR, "form[action$='/risks/import'] button.primary")
    assert "1 of 2 rows need fixing" in driver.page_source
    assert not driver.find_elements(By.NAME, "confirm")
    shot(driver, "risk-import-en")
    driver.get(register)
    assert "Road ambush" not in driver.page_source


def test_the_register_in_chinese(zh):
    driver = zh
    sign_in(driver, "reviewer.ehagl")
    open_register(driver)
    assert "联合风险登记册" in driver.page_source and "处理前（固有风险）" in driver.page_source
    shot(driver, "risks-zh")
