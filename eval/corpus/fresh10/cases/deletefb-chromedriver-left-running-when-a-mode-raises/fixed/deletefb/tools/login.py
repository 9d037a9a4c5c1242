from selenium import webdriver
from selenium.webdriver.chrome.options import Options


def setup_selenium(driver_path, options):
    return webdriver.Chrome(executable_path=driver_path, options=options)


def login(user_email_address, user_password, is_headless, chrome_binary_path=None,
          driver_path="chromedriver"):
    """Log into Facebook and return the driver."""
    chrome_options = Options()
    if chrome_binary_path:
        chrome_options.binary_location = chrome_binary_path
    if is_headless:
        chrome_options.add_argument("--headless")
    driver = setup_selenium(driver_path, chrome_options)
    driver.implicitly_wait(10)
    driver.get("https://www.facebook.com/login/")
    driver.find_element_by_name("email").send_keys(user_email_address)
    driver.find_element_by_name("pass").send_keys(user_password)
    driver.find_element_by_id("loginbutton").click()
    return driver
