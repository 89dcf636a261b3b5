"""After an explosion on the Dadaab road, Kenya's security officer (reading Chinese) opens a
roll-call for Dadaab: SMS go through a real Kannel to the fake phones (fakesmsc), which answer
1, 求助 and hello; a staff member answers for himself and his dependants through the link he
was e-mailed, without signing in. The page's counts are the answers'."""
import os
import pathlib
import re
import subprocess
import threading
import time
import urllib.parse

import pytest
from conftest import BASE, _api, click, shot, sign_in
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

PHONES = {"hassan": "+254700100101", "sofia": "+254700100102", "abdullahi": "+254700100103",
          "zhang": "+254700100104"}


class Phones:
    """fakesmsc in interactive mode: what it prints are the SMS the phones got; a line written
    to it is an SMS a phone sends."""

    def __init__(self, port):
        self.process = subprocess.Popen(
            ["/usr/lib/kannel/test/fakesmsc", "-H", "127.0.0.1", "-r", str(port), "-i", "0.1"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def received(self, phone):
        """The texts of the SMS `phone` got, decoded: UCS-2 (Chinese, and what is long) comes
        URL-encoded by fakesmsc, a long one in parts with a UDH header, joined here."""
        texts, parts = [], b""

        def ucs2(payload):
            return urllib.parse.unquote_to_bytes(payload.replace("+", "%20"))

        for line in self.lines:
            found = re.search(r"Got message \d+: <\S+ " + re.escape(phone) + r" (\S+) (.*)>\s*$", line)
            if not found:
                continue
            kind, payload = found.groups()
            if kind == "udh":
                header, _, data = payload.partition(" data ")
                udh = urllib.parse.unquote_to_bytes(header)
                parts += ucs2(data)
                if udh[-1] == udh[-2]:  # the last part
                    texts.append(parts.decode("utf-16-be"))
                    parts = b""
            else:
                texts.append(ucs2(payload).decode("utf-16-be") if kind == "ucs-2" else payload)
        return texts

    def send(self, phone, text):
        # fakesmsc takes one line per read: the next is written once this one went.
        sent = sum("fakesmsc: sent message" in line for line in self.lines)
        self.process.stdin.write(f"{phone} 1000 text {text}\n")
        self.process.stdin.flush()
        self.wait(lambda: sum("fakesmsc: sent message" in line for line in self.lines) > sent, f"{phone} sent {text}")

    def wait(self, condition, what, seconds=30):
        end = time.time() + seconds
        while time.time() < end:
            if condition():
                return
            time.sleep(0.2)
        raise AssertionError(f"{what}; fakesmsc printed:\n" + "".join(self.lines[-30:]))

    def close(self):
        self.process.kill()


@pytest.fixture
def phones():
    if "FAKESMSC_PORT" not in os.environ:
        pytest.skip("no Kannel (run through scripts/test-browser.sh)")
    p = Phones(int(os.environ["FAKESMSC_PORT"]))
    yield p
    p.close()


def shots(driver, name):
    for width in (1366, 390):
        driver.set_window_size(width, 900)
        shot(driver, f"{name}-{width}")
    driver.set_window_size(1280, 900)


def mail_to(address):
    folder = pathlib.Path(os.environ["MAIL_DIR"])
    for message in sorted(folder.glob("*.eml")) if folder.exists() else []:
        text = message.read_text()
        if text.startswith("To: " + address):
            return text
    return None


def test_a_roll_call_reaches_phones_through_kannel_and_the_emailed_link_answers(zh, en, phones):
    kenya = next(u["id"] for u in _api("GET", "units?q=KEN")["items"] if u["code"] == "KEN")
    sign_in(zh, "security.kenya")
    click(zh, By.CSS_SELECTOR, "button.lang[value=zh-Hans]")
    zh.get(f"{BASE}/units/{kenya}/roll-calls")
    assert "人员清点" in zh.find_element(By.TAG_NAME, "h1").text
    # The demo's closed roll-call reached everyone in 3 h 10 min.
    row = zh.find_element(By.XPATH, "//tr[.//a[contains(., 'Explosion on the Dadaab')]]").text
    assert "100%" in row.replace(" ", ""), row
    click(zh, By.PARTIAL_LINK_TEXT, "Explosion on the Dadaab")
    assert "100% 用时 3 小时 10 分钟" in zh.find_element(By.CSS_SELECTOR, "div.figures").text
    zh.back()
    zh.find_element(By.ID, "f-title").send_keys("达达阿布营地附近爆炸")
    zh.execute_script("document.getElementById('f-occurred_at').value = arguments[0]",
                      time.strftime("%Y-%m-%dT%H:%M", time.gmtime(time.time() - 600)))
    box = zh.find_element(By.XPATH, "//fieldset//label[normalize-space()='Dadaab']").get_attribute("for")
    zh.find_element(By.ID, box).click()
    Select(zh.find_element(By.ID, "f-first")).select_by_value("sms")
    Select(zh.find_element(By.ID, "f-second")).select_by_value("email")
    zh.find_element(By.ID, "f-second_after").clear()
    zh.find_element(By.ID, "f-second_after").send_keys("0")
    click(zh, By.CSS_SELECTOR, "main form button.primary")
    said = zh.find_element(By.CSS_SELECTOR, "p.said[role=status]").text
    assert "达达阿布营地附近爆炸" in said, said
    call_url = zh.current_url

    # Every person listed with a phone gets the SMS, in their language.
    phones.wait(lambda: all(phones.received(p) for p in PHONES.values()), "every phone got the roll-call SMS")
    assert "Reply 1 if safe" in phones.received(PHONES["hassan"])[0]
    assert "达达阿布营地附近爆炸：您是否安全？" in phones.received(PHONES["zhang"])[0]  # in his language
    phones.send(PHONES["hassan"], "1")
    phones.send(PHONES["abdullahi"], "求助")
    phones.send(PHONES["sofia"], "hello")
    phones.wait(lambda: len(phones.received(PHONES["sofia"])) >= 2, "the instructions went back for hello")
    assert "reply 1 (or SAFE)" in phones.received(PHONES["sofia"])[1]
    phones.wait(lambda: len(phones.received(PHONES["abdullahi"])) >= 2, "the answer to 求助 was confirmed")

    # Hassan follows the link he was e-mailed: he is safe, one child injured.
    deadline = time.time() + 20
    while not mail_to("ke-0101@example.org") and time.time() < deadline:
        time.sleep(0.2)
    mail = mail_to("ke-0101@example.org")
    assert mail, "the roll-call e-mail reached the sink"
    link = re.search(r"(http://\S+/answer/[A-Za-z0-9_-]+)", mail).group(1)
    en.get(link)
    assert "Hassan Abdi" in en.find_element(By.CSS_SELECTOR, "main p.intro").text
    Select(en.find_element(By.XPATH, "//label[contains(., 'Yusuf Abdi')]/following-sibling::select")).select_by_value(
        "injured")
    shots(en, "answer-link-en")
    click(en, By.CSS_SELECTOR, "button[name=status][value=safe]")
    assert "You are marked safe" in en.find_element(By.CSS_SELECTOR, "p[role=status]").text
    # A link altered by one character says only that it does not work.
    en.get(link[:-2] + ("A" if link[-2] != "A" else "B") + link[-1])
    assert "This link does not work" in en.find_element(By.CSS_SELECTOR, "main p.alert").text

    # Listed: Hassan, his two dependants, Sofia, Abdullahi and his spouse, Zhang. Accounted: Hassan
    # (SMS and link), Fatuma (safe by the link), Yusuf (injured), Abdullahi (needs help).
    zh.get(call_url + "?status=all")
    figures = zh.find_element(By.CSS_SELECTOR, "div.figures").text
    for expected in ("安全: 2", "需要帮助: 1", "受伤: 1", "尚未联系上: 3", "已清点：7 人中 4 人"):
        assert expected in figures, figures
    channels = zh.find_element(By.XPATH, "//table[caption[normalize-space()='各渠道回复']]/tbody").text
    # SMS: four messaged, two answered (1 and 求助; hello is no answer); e-mail: Hassan's link.
    assert "短信 4 2 (50%)" in channels and "电子邮件 4 1 (25%)" in channels, channels
    shots(zh, "roll-call-zh")
    # The list opens on those not yet reached.
    zh.get(call_url)
    names = zh.find_element(By.XPATH, "//table[caption[normalize-space()='列入人员']]/tbody").text
    assert "Sofia Lindqvist" in names and "Hassan Abdi —" not in names, names
