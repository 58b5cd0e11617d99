"""The plan form in a real headless Chromium (Debian's chromium and chromedriver, through
Selenium from PyPI): fill it for a new client, watch the preview change, download the PDF,
and see a typo'd dosage's diagnostic beside its field.

    form_test.py BASE_URL DOWNLOAD_FOLDER    prints one line "ok ..." per check, exits 1 on the first failure
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

base, downloads = sys.argv[1].rstrip("/"), sys.argv[2]
NAME = "Mireille Okonkwo"

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000"):
    options.add_argument(argument)
options.add_experimental_option("prefs", {
    "download.default_directory": downloads, "download.prompt_for_download": False, "safebrowsing.enabled": False})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
wait = WebDriverWait(driver, 60)


def check(condition, message):
    if not condition:
        print("FAILED: " + message, flush=True)
        print("status: " + driver.find_element(By.ID, "status").text, flush=True)
        driver.quit()
        sys.exit(1)
    print("ok " + message, flush=True)


def preview_data():
    """The preview's pixels as a data URL (blob URLs are same-origin, so the canvas is clean)."""
    return driver.execute_script("""
        const image = document.getElementById('preview');
        if (image.hidden || !image.complete || !image.naturalWidth) return null;
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth; canvas.height = image.naturalHeight;
        canvas.getContext('2d').drawImage(image, 0, 0);
        return canvas.toDataURL('image/png');""")


def downloaded(suffix, before):
    deadline = time.time() + 60
    while time.time() < deadline:
        names = [n for n in os.listdir(downloads) if n.endswith(suffix) and n not in before]
        if names:
            return os.path.join(downloads, names[0])
        time.sleep(0.2)
    return None


def typed(element_id, text):
    element = driver.find_element(By.ID, element_id)
    element.clear()
    element.send_keys(text)
    return element


catalog = json.load(urllib.request.urlopen(base + "/v1/catalog?language=en"))
try:
    driver.get(base + "/")
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true")

    # Every control has a label a screen reader announces.
    unlabelled = driver.execute_script("""
        return [...document.querySelectorAll('input, select, textarea, button')].filter(e =>
          !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !(e.tagName === 'BUTTON' && e.textContent.trim())
        ).map(e => e.id || e.outerHTML.slice(0, 60));""")
    check(unlabelled == [], "every control is labelled (unlabelled: %s)" % unlabelled)

    # The clinic's details, kept in this browser.
    typed("clinic-name", "Harbour Massage")
    typed("clinic-email", "care@harbour.example")
    typed("clinic-country", "GB")
    typed("therapist-name", "Sam Reed")

    # A new client, with the keyboard only: the name, Tab to the email.
    name = driver.find_element(By.ID, "client-name")
    name.click()
    name.send_keys(NAME)
    name.send_keys(Keys.TAB)
    check(driver.switch_to.active_element.get_attribute("id") == "client-email", "Tab moves from the name to the email")
    driver.switch_to.active_element.send_keys("mireille@example.com")
    sciatica = catalog["conditions"]["sciatica"]["name"]
    typed("condition", sciatica)
    typed("technique-search", catalog["techniques"]["trigger-point"]["name"]).send_keys(Keys.ENTER)
    check(len(driver.find_elements(By.CSS_SELECTOR, "#techniques li")) == 1, "a technique is chosen from the catalogue with Enter")
    typed("home-care-search", "piriformis").send_keys(Keys.ENTER)
    check(driver.find_element(By.CSS_SELECTOR, "#home-care li legend").text == catalog["homeCare"]["piriformis-stretch"]["name"],
          "a home-care item is found by searching part of its name")
    typed("home-care-0-hold", "30 s")
    typed("home-care-0-repeat", "3")
    typed("next-appointment", "")
    driver.execute_script("const e = document.getElementById('next-appointment'); e.value = '2026-12-08T10:30'; e.dispatchEvent(new Event('input'));")
    typed("notes", "Keep moving gently.")
    typed("precautions", "Stop if the pain spreads below the knee.")

    wait.until(lambda d: preview_data() is not None and "up to date" in d.find_element(By.ID, "status").text)
    first = preview_data()
    check(first is not None, "the preview of page 1 appears")
    check(driver.find_element(By.ID, "preview").get_attribute("alt").endswith(NAME), "the preview's alternative text names the client")

    # Typing more of the name changes the preview.
    name = driver.find_element(By.ID, "client-name")
    name.send_keys(" Junior")
    wait.until(lambda d: preview_data() not in (None, first) and "up to date" in d.find_element(By.ID, "status").text)
    check(preview_data() != first, "the preview changes after typing in the name")
    full_name = NAME + " Junior"

    # The clinic's details are kept in localStorage.
    saved = json.loads(driver.execute_script("return localStorage.getItem('handout.clinic')"))
    check(saved.get("name") == "Harbour Massage" and saved.get("country") == "GB", "the clinic's details are kept in the browser")

    # Download the PDF: its text holds the client's name.
    before = set(os.listdir(downloads))
    driver.find_element(By.ID, "download-pdf").click()
    pdf = downloaded(".pdf", before)
    check(pdf is not None, "the PDF downloads")
    time.sleep(0.5)
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    check(full_name in text.replace("\n", " ") or full_name in text, "the PDF's text holds the client's name")

    # The plan JSON and the email download too.
    before = set(os.listdir(downloads))
    driver.find_element(By.ID, "download-json").click()
    plan_file = downloaded(".json", before)
    plan = json.load(open(plan_file))
    check(plan["client"]["name"] == full_name and plan["homeCare"][0] == {"id": "piriformis-stretch", "hold": "30 s", "repeat": 3},
          "the plan JSON holds what was typed")
    before = set(os.listdir(downloads))
    driver.find_element(By.ID, "download-eml").click()
    eml = downloaded(".eml", before)
    check(eml is not None and "mireille@example.com" in open(eml, encoding="utf-8", errors="replace").read(), "the email downloads")

    # A typo'd dosage: its diagnostic appears beside the hold field, which is marked invalid.
    hold = typed("home-care-0-hold", "30 ss")
    beside = driver.find_element(By.ID, "messages-home-care-0-hold")
    wait.until(lambda d: "30 ss" in beside.text)
    check("is not a time" in beside.text, "the typo'd dosage's message shows beside its field: " + beside.text)
    check(hold.get_attribute("aria-invalid") == "true", "the field is marked invalid for screen readers")
    check(beside.find_element(By.XPATH, "..").find_element(By.TAG_NAME, "input").get_attribute("id") == "home-care-0-hold",
          "the message is in the field's own box")
    check(driver.find_element(By.ID, "messages-client-name").text == "", "no message beside the fields that are fine")

    # Fixed, the message goes; a warning (a long sentence in the notes) shows beside the notes,
    # and the preview still draws.
    typed("home-care-0-hold", "30 s")
    long_sentence = " ".join(["gently"] * 14 + ["and", "then"] + ["slowly"] * 14) + "."
    typed("notes", long_sentence)
    notes = driver.find_element(By.ID, "messages-notes")
    wait.until(lambda d: "hard to follow" in notes.text and "up to date" in d.find_element(By.ID, "status").text)
    check(driver.find_element(By.ID, "messages-home-care-0-hold").text == "", "the fixed dosage's message goes away")
    check(notes.text.startswith("Warning:"), "a warning shows beside the notes: " + notes.text)
    check(preview_data() is not None, "a plan with warnings still has its preview")
finally:
    driver.quit()
