"""A regional reviewer finds the plan waiting for them on their home page, reads an alternate site
as a document and opens a feedback thread on the field they are reading. In both languages."""
from conftest import click, shot, sign_in
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def comment_on_a_field(driver, language, texts):
    sign_in(driver, "reviewer.asia")
    click(driver, By.CSS_SELECTOR, f"button.lang[value={language}]")
    # The home page lists the plan waiting for review.
    click(driver, By.CSS_SELECTOR, ".task ul a")
    click(driver, By.CSS_SELECTOR, "nav.tabs a[href$='/sections/sites']")
    click(driver, By.CSS_SELECTOR, "main table tbody tr a")
    assert not driver.find_elements(By.CSS_SELECTOR, "main fieldset, main input")
    field = driver.find_element(By.XPATH, f"//dl[@class='reading']/dt[contains(., '{texts['field']}')]")
    shot(driver, f"reviewer-reads-site-{language}")
    click(driver, By.XPATH, f"//dl[@class='reading']/dt[contains(., '{texts['field']}')]/a")
    chosen = Select(driver.find_element(By.ID, "f-field")).first_selected_option
    assert chosen.text == texts["field"] and chosen.get_attribute("value") == "assetsToMove"
    labels = [o.text for o in Select(driver.find_element(By.ID, "f-field")).options if o.is_displayed() or True]
    assert all("assetsToMove" != label for label in labels)
    driver.find_element(By.ID, "f-body").send_keys(texts["body"])
    click(driver, By.CSS_SELECTOR, "form[action$='/feedback'] button[type=submit]")
    assert driver.find_element(By.CSS_SELECTOR, "p.said").text == texts["said"]
    assert texts["body"] in driver.find_element(By.CSS_SELECTOR, "article.thread:last-of-type").text
    shot(driver, f"reviewer-thread-on-field-{language}")


def test_a_reviewer_comments_on_the_field_they_read(en):
    comment_on_a_field(en, "en", {"field": "Assets to move there", "body": "Is there fuel for the generator?",
                                  "said": "Sent."})


def test_a_reviewer_comments_on_the_field_they_read_in_chinese(zh):
    comment_on_a_field(zh, "zh-Hans", {"field": "需转移的资产", "body": "发电机有燃料吗？", "said": "已发送。"})
