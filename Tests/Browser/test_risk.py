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
    assert "likelihood 4 × impact 4: 1 risk." in driver.page_source

    path = pathlib.Path(tempfile.mkdtemp()) / "register.csv"
    path.write_text("kind,title,likelihood,impact\nsecurity,Road ambush,4,5\nweather,Floods,3,9\n", encoding="utf-8")
    driver.get(register)
    driver.find_element(By.ID, "f-file").send_keys(str(path))
    click(driver, By.CSS_SELECTOR, "form[action$='/risks/import'] button.primary")
    assert "1 of 2 rows needs fixing" in driver.page_source
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


def test_a_risk_with_actions_is_linked_to_the_plans_scenario_and_process(en):
    driver = en
    sign_in(driver, "focal.bangladesh")
    driver.get(BASE + "/units?q=BGD")
    click(driver, By.XPATH, "//table//a[text()='Bangladesh']")
    click(driver, By.XPATH, "//a[contains(@href, '/risks')]")
    Select(driver.find_element(By.ID, "f-kind")).select_by_value("business_continuity")
    driver.find_element(By.ID, "f-title").send_keys("Camp roads cut by monsoon floods")
    Select(driver.find_element(By.ID, "f-likelihood")).select_by_value("4")
    Select(driver.find_element(By.ID, "f-impact")).select_by_value("4")
    driver.find_element(By.ID, "f-action-0-description").send_keys("Pre-position registration kits in Ukhia")
    driver.find_element(By.ID, "f-action-0-owner").send_keys("Kamal Hossain")
    # A date input takes what the locale types; set the value as the date picker would.
    driver.execute_script("arguments[0].value = '2020-01-31'", driver.find_element(By.ID, "f-action-0-due"))
    driver.find_element(By.XPATH, "//label[text()='Monsoon flooding and landslides in the camps']").click()
    driver.find_element(By.XPATH, "//label[text()='Registration and protection of new arrivals']").click()
    click(driver, By.CSS_SELECTOR, "form[action$='/risks'] button.primary")
    assert "Camp roads cut by monsoon floods" in driver.page_source
    assert "Action overdue" in driver.page_source
    click(driver, By.LINK_TEXT, "Camp roads cut by monsoon floods")
    assert "Pre-position registration kits in Ukhia" in driver.page_source
    shot(driver, "risk-en")
    # The risk links to the process it threatens; the plan's scenarios list the risk.
    click(driver, By.XPATH, "//dd//a[text()='Registration and protection of new arrivals']")
    assert "Registration and protection of new arrivals" in driver.page_source
    plan = driver.current_url.split("/sections/")[0]
    driver.get(plan + "/sections/scenarios")
    assert "Linked risks" in driver.page_source
    assert driver.find_elements(By.XPATH, "//td//a[text()='Camp roads cut by monsoon floods']")
    shot(driver, "plan-scenarios-risks-en")


def test_hq_sets_the_matrix_and_adds_a_kind_in_chinese(zh):
    driver = zh
    sign_in(driver, "hq.oversight")
    click(driver, By.LINK_TEXT, "风险矩阵")
    Select(driver.find_element(By.NAME, "cell-3-3")).select_by_value("high")
    driver.find_element(By.NAME, "level-very_high-zh-Hans").send_keys("极高")
    driver.find_element(By.ID, "f-kinds").send_keys("fraud | Fraud | 欺诈")
    click(driver, By.CSS_SELECTOR, "form[action='/settings/risk-matrix'] button.primary")
    assert "已保存" in driver.page_source
    assert driver.find_element(By.NAME, "level-very_high-zh-Hans").get_attribute("value") == "极高"
    shot(driver, "risk-matrix-zh")
    # A cell below its neighbour is refused, and says which.
    Select(driver.find_element(By.NAME, "cell-1-1")).select_by_value("very_high")
    click(driver, By.CSS_SELECTOR, "form[action='/settings/risk-matrix'] button.primary")
    assert "可能性 1、影响 2 的单元格低于" in driver.page_source


def test_a_chinese_spreadsheet_imports_as_it_is_written(zh):
    driver = zh
    sign_in(driver, "security.kenya")
    click(driver, By.CSS_SELECTOR, "button.lang[value=zh-Hans]")
    open_register(driver)
    register = driver.current_url
    # The import says what each column may hold, in Chinese.
    assert "各列可填写的内容" in driver.page_source and "很可能" in driver.page_source
    path = pathlib.Path(tempfile.mkdtemp()) / "风险.csv"
    path.write_text("类别,风险,可能性,影响\n安全,车队遇袭,很可能,5 严重\n医疗,登革热,可能,重大\n", encoding="utf-8")
    driver.find_element(By.ID, "f-file").send_keys(str(path))
    click(driver, By.CSS_SELECTOR, "form[action$='/risks/import'] button.primary")
    assert "全部 2 行无误" in driver.page_source
    shot(driver, "risk-import-zh")
    click(driver, By.CSS_SELECTOR, "form[action$='/risks/import'] button.primary")
    assert driver.current_url.startswith(register.split("?")[0])
    assert driver.find_element(By.CSS_SELECTOR, "p.said").text == "已导入。"
    assert "车队遇袭" in driver.page_source and "登革热" in driver.page_source
