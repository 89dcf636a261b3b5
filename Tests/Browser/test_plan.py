"""A focal point builds a small business continuity plan in the browser, watches its completeness
rise and a blocking error go away, and prints the pocket plan to PDF with Chromium."""
import pathlib
import re
import subprocess
import tempfile
import urllib.request

from conftest import BASE, SHOTS, click, shot, sign_in
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def completeness(driver):
    text = driver.find_element(By.CSS_SELECTOR, "dl.facts dd").text
    return int(re.search(r"(\d+)%", text).group(1))


def fill(driver, values):
    for name, value in values.items():
        element = driver.find_element(By.NAME, name)
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        elif element.get_attribute("type") == "checkbox":
            if element.is_selected() != bool(value):
                element.click()
        else:
            element.clear()
            element.send_keys(value)


def submit(driver, form_action_suffix):
    click(driver, By.CSS_SELECTOR, f"form[action$='{form_action_suffix}'] button.primary")


def test_a_focal_point_builds_a_plan_sees_it_complete_and_prints_the_pocket_plan(en):
    driver = en
    sign_in(driver, "focal.bangladesh")
    click(driver, By.LINK_TEXT, "Your unit's plans")
    fill(driver, {"cycle": "2031", "start": "empty"})
    submit(driver, "/plans")
    plan_url = driver.current_url
    assert "/plans/" in plan_url
    start = completeness(driver)
    assert "7 errors" in driver.page_source or "errors" in driver.page_source

    # 1. The team: one member per required function.
    driver.get(plan_url + "/sections/team")
    functions = ["security", "programme", "protection", "finance_administration_hr", "supply", "information_technology", "communications"]
    for i, function in enumerate(functions):
        fill(driver, {"name": f"Member {i + 1}", "function": function, "contact": f"+880 1711 00{i}"})
        submit(driver, "/sections/team")
    assert "No team member covers" not in driver.page_source

    # 6. An alternate site.
    driver.get(plan_url + "/sections/sites")
    fill(driver, {"name": "Ukhia compound", "address": "Camp 4 road", "workstations": "8", "assetsToMove": "Radios\nLaptops"})
    submit(driver, "/sections/sites")

    # 3. Two critical processes; the second has no alternative yet.
    driver.get(plan_url + "/sections/processes")
    fill(driver, {"name": "Registration of new arrivals", "criteria-protection_and_well_being": True, "classification": "on_site_alternate",
                  "minimumStaffCount": "1", "staff-0-name": "Nusrat Jahan", "staff-0-role": "Protection officer",
                  "alternatives": "Paper forms entered later"})
    sites = driver.find_elements(By.CSS_SELECTOR, "input[name^='siteIDs-']")
    sites[0].click()
    submit(driver, "/sections/processes")
    fill(driver, {"name": "Liaison with authorities", "criteria-vital_liaison": True, "classification": "remote_in_country",
                  "minimumStaffCount": "1", "staff-0-name": "Hiroshi Tanaka", "staff-0-role": "Representative"})
    submit(driver, "/sections/processes")
    driver.get(plan_url)
    assert "has no alternative" in driver.page_source
    middle = completeness(driver)
    assert middle > start
    shot(driver, "plan-overview-building-en")

    # 4. Rate the impact of both; the liaison becomes intolerable sooner, so it is recovered first.
    driver.get(plan_url + "/sections/impact")
    click(driver, By.LINK_TEXT, "Registration of new arrivals")
    fill(driver, {"impact-people_served-0": "2", "impact-people_served-1": "3", "impact-people_served-2": "4", "rtoHours": "8"})
    submit(driver, "/impact/" + driver.current_url.rsplit("/", 1)[1])
    driver.get(plan_url + "/sections/impact")
    click(driver, By.LINK_TEXT, "Liaison with authorities")
    fill(driver, {"impact-trust-0": "4", "rtoHours": "1"})
    submit(driver, "/impact/" + driver.current_url.rsplit("/", 1)[1])
    driver.get(plan_url + "/sections/impact")
    assert driver.find_elements(By.CSS_SELECTOR, "svg.timeline")
    shot(driver, "plan-impact-en")

    # 5. The blocking error goes away when the alternative is written.
    driver.get(plan_url + "/sections/alternatives")
    click(driver, By.XPATH, "//tr[td[contains(., 'Liaison with authorities')]]//a")
    fill(driver, {"alternatives": "Telephone from home"})
    submit(driver, driver.current_url.split(BASE, 1)[1])
    driver.get(plan_url)
    assert "has no alternative" not in driver.page_source
    assert completeness(driver) > middle
    shot(driver, "plan-overview-built-en")

    # The pocket plan, downloaded as one file and printed with no network.
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(plan_url + "/pocket.html", headers={"Cookie": cookies})
    html = urllib.request.urlopen(request).read()
    with tempfile.TemporaryDirectory() as work:
        page = pathlib.Path(work) / "pocket.html"
        page.write_bytes(html)
        pdf = SHOTS / "pocket-plan.pdf"
        subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", page.as_uri()], check=True, timeout=120, capture_output=True)
    reader = PdfReader(str(pdf))
    pages = [p.extract_text() for p in reader.pages]
    text = "\n".join(pages)
    liaison, registration = text.find("1. Liaison with authorities"), text.find("2. Registration of new arrivals")
    assert 0 <= liaison < registration, "processes in recovery order"
    # One page per critical process at least, and the unit on every page.
    assert len(pages) >= 3
    assert all("Bangladesh" in p for p in pages)


def test_the_plan_pages_in_chinese(zh):
    driver = zh
    # The contributor has not chosen a language: the Chinese browser decides.
    sign_in(driver, "contributor.bangladesh")
    click(driver, By.CSS_SELECTOR, "a.button[href$='/plans']")
    assert "业务连续性计划" in driver.page_source
    shot(driver, "plans-zh")
    click(driver, By.XPATH, "(//table//a[contains(@href, '/plans/')])[1]")
    shot(driver, "plan-overview-zh")
    for section, name in [("impact", "plan-impact-zh"), ("processes", "plan-processes-zh"), ("team", "plan-team-zh")]:
        driver.get(driver.current_url.split("/sections/")[0] + f"/sections/{section}")
        shot(driver, name)
    base = driver.current_url.split("/sections/")[0]
    driver.get(base + "/versions")
    shot(driver, "plan-versions-zh")
    driver.get(base + "/pocket")
    assert "联系人" in driver.page_source
    shot(driver, "pocket-zh")
