"""Shared by the browser tests: a headless Chromium per test, and the steps a person takes."""
import json
import os
import pathlib
import urllib.request

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ.get("BASE_URL", "http://127.0.0.1:8089")
SHOTS = pathlib.Path(os.environ.get("SHOTS", "artifacts/screenshots"))
SHOTS.mkdir(parents=True, exist_ok=True)


def browser(language):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                f"--lang={language}"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


DEMO_ACCOUNTS = ["admin", "hq.oversight", "reviewer.asia", "reviewer.ehagl", "reviewer.mena", "focal.bangladesh",
                 "contributor.bangladesh", "manager.bangladesh", "security.kenya", "desk.ehagl", "staff.coxsbazar",
                 "hr.kenya", "security.hq"]
_ids = {}


def _api(method, path, body=None):
    request = urllib.request.Request(BASE + "/api/v1/" + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + os.environ["ADMIN_TOKEN"],
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


@pytest.fixture(autouse=True)
def languages_as_the_browser():
    """A test that switches the language saves it on the account; the next test's browser decides
    again. Without the token (a test run by hand), nothing is reset."""
    yield
    if "ADMIN_TOKEN" not in os.environ:
        return
    for username in DEMO_ACCOUNTS:
        if username not in _ids:
            found = _api("GET", "users?q=" + username)
            items = found.get("items", found) if isinstance(found, dict) else found
            _ids[username] = next(u["id"] for u in items if u["username"] == username)
        _api("PATCH", "users/" + _ids[username], {"language": ""})


@pytest.fixture
def zh():
    driver = browser("zh-CN")
    yield driver
    driver.quit()


@pytest.fixture
def en():
    driver = browser("en-US")
    yield driver
    driver.quit()


def click(driver, by, selector):
    """Clicks something that loads a new page, and waits until it has."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(by, selector).click()

    def replaced(_):
        # Chromium reports a detached node either as stale or as an inspector error.
        try:
            old.tag_name
            return False
        except WebDriverException:
            return True

    WebDriverWait(driver, 15).until(replaced)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def sign_in(driver, username, password="resilience-demo"):
    driver.get(BASE + "/sign-in")
    driver.find_element(By.ID, "f-username").send_keys(username)
    driver.find_element(By.ID, "f-password").send_keys(password)
    click(driver, By.CSS_SELECTOR, "form.stack button[type=submit]")


def shot(driver, name):
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 5000, f"screenshot {name} looks empty"


